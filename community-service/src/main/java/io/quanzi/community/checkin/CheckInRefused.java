package io.quanzi.community.checkin;

import io.quanzi.platform.problem.Problem;
import org.springframework.http.HttpStatus;

/** A scan that does not check anyone in (a business verdict, not an authorization refusal), with its reason as a distinct problem type. */
class CheckInRefused extends Problem {

    enum Reason {
        TOKEN_EXPIRED(HttpStatus.UNPROCESSABLE_ENTITY, "token-expired"),
        TOKEN_FORGED(HttpStatus.UNPROCESSABLE_ENTITY, "token-forged"),
        OTHER_EVENT(HttpStatus.UNPROCESSABLE_ENTITY, "other-event"),
        WRONG_STORE(HttpStatus.FORBIDDEN, "wrong-store"),
        EVENT_CANCELLED(HttpStatus.CONFLICT, "event-cancelled"),
        WINDOW_CLOSED(HttpStatus.UNPROCESSABLE_ENTITY, "window-closed"),
        NOT_REGISTERED(HttpStatus.UNPROCESSABLE_ENTITY, "not-registered"),
        EVENT_FULL(HttpStatus.CONFLICT, "event-full"),
        INVALID_SCAN_TIME(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-scan-time"),
        ALREADY_CHECKED_IN(HttpStatus.CONFLICT, "already-checked-in");

        final HttpStatus status;
        final String slug;

        Reason(HttpStatus status, String slug) {
            this.status = status;
            this.slug = slug;
        }
    }

    private final Reason reason;

    CheckInRefused(Reason reason, String detail) {
        super(reason.status, reason.slug, detail);
        this.reason = reason;
    }

    static CheckInRefused alreadyCheckedIn(CheckIn existing) {
        CheckInRefused refused =
                new CheckInRefused(Reason.ALREADY_CHECKED_IN, "Already checked in at " + existing.checkedInAt() + ".");
        refused.getBody().setProperty("checkedInAt", existing.checkedInAt());
        refused.getBody().setProperty("memberId", existing.memberId());
        refused.getBody().setProperty("eventId", existing.eventId());
        return refused;
    }

    Reason reason() {
        return reason;
    }
}
