package io.quanzi.offer.system;

/**
 * What ids and keys may look like in requests. Anything else is a 400 before it reaches a query:
 * no {@code $}, no dots-only tricks, no slashes (account ids join brand and member with one).
 */
public final class Ids {

    /** Brand, store, member and purchase ids: a Keycloak subject (UUID) fits, as do slugs. */
    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}";

    /** Idempotency keys chosen by callers, e.g. {@code checkin:6650…:points}. */
    public static final String KEY = "[A-Za-z0-9][A-Za-z0-9._:@#=+-]{0,199}";

    public static final String ID_MESSAGE = "must be 1-128 letters, digits or . _ @ : -";
    public static final String KEY_MESSAGE = "must be 1-200 letters, digits or . _ : @ # = + -";

    private Ids() {}
}
