package io.quanzi.platform.client;

import java.util.Set;

/**
 * Which answers of another Quanzi service mean "this request will never succeed", so an outbox entry should stop
 * being sent, and which mean "not now", so it should be sent again later.
 *
 * <p>Permanent: 400, 409 (idempotency key reused with another body), 413, 415 and 422 — the request itself is wrong
 * and sending it again changes nothing. Everything else is retried with back-off, including 401 and 403 (a service
 * secret or role that an operator can fix), 404 (the target's version does not serve the endpoint yet, as during a
 * rolling deploy), 408 and 429, as well as 5xx, time-outs and refused connections. Both services that keep outboxes
 * use this rule so that the same answer never means "give up" in one and "try again" in the other.
 */
public final class DownstreamRefusals {

    private static final Set<Integer> PERMANENT = Set.of(400, 409, 413, 415, 422);

    private DownstreamRefusals() {}

    /** Whether an answer with this HTTP status means the request must not be sent again. */
    public static boolean isPermanent(int status) {
        return PERMANENT.contains(status);
    }
}
