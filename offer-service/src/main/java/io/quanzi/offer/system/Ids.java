package io.quanzi.offer.system;

/**
 * What ids and keys may look like in requests. Anything else is a 400 before it reaches a query:
 * no {@code $}, no spaces, no slashes (account ids join brand and member with one).
 */
public final class Ids {

    /** Brand, store, member and purchase ids: a Keycloak subject (UUID) fits, as do slugs. */
    public static final String ID = io.quanzi.platform.web.Ids.ID;

    /** Idempotency keys chosen by callers, e.g. {@code checkin:6650…:points}. */
    public static final String KEY = "[A-Za-z0-9][A-Za-z0-9._:@#=+-]{0,199}";

    public static final String ID_MESSAGE = io.quanzi.platform.web.Ids.ID_MESSAGE;
    public static final String KEY_MESSAGE = "must be 1-200 letters, digits or . _ : @ # = + -";

    private Ids() {}

    /**
     * Checks an id taken from the path or query (bodies use the annotations): a 400 validation
     * problem naming the parameter, shaped like the body field errors.
     */
    public static String requireId(String name, String value) {
        return io.quanzi.platform.web.Ids.requireId(name, value);
    }

    public static String require(String name, String value, String pattern, String message) {
        return io.quanzi.platform.web.Ids.require(name, value, java.util.regex.Pattern.compile(pattern), message);
    }
}
