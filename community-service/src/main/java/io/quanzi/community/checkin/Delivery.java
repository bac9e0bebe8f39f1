package io.quanzi.community.checkin;

import java.time.Instant;

/**
 * The outbox state of one effect of a check-in in another service: PENDING until the target acknowledges (DONE), or
 * refuses for good (FAILED, logged), or the relay decides the effect does not apply (SKIPPED).
 *
 * @param nextAttemptAt the relay's next try; also a lease: a relay that claims the delivery pushes it forward first
 */
record Delivery(State state, int attempts, Instant nextAttemptAt, String lastError) {

    enum State {
        PENDING,
        DONE,
        FAILED,
        SKIPPED
    }

    static Delivery pending(Instant now) {
        return new Delivery(State.PENDING, 0, now, null);
    }

    static final String STATE = "state";
    static final String ATTEMPTS = "attempts";
    static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    static final String LAST_ERROR = "lastError";
}
