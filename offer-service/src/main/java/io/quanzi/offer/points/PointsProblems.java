package io.quanzi.offer.points;

import io.quanzi.platform.problem.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The ledger's refusals, as problem+json. Callers of {@link PointsLedger} may branch on the
 * {@code type} of the {@link ErrorResponseException} they get:
 *
 * <ul>
 *   <li>{@code urn:quanzi:problem:insufficient-points} (409): the balance does not cover a spend;
 *   <li>{@code urn:quanzi:problem:idempotency-key-reused} (409): the key was used for another body;
 *   <li>{@code urn:quanzi:problem:already-reversed} (409): the spend or earning was already taken back;
 *   <li>{@code urn:quanzi:problem:not-found} (404): nothing to reverse or refund under that key.
 * </ul>
 */
public final class PointsProblems {

    public static final String INSUFFICIENT_POINTS = "insufficient-points";
    public static final String KEY_REUSED = "idempotency-key-reused";
    public static final String ALREADY_REVERSED = "already-reversed";

    private PointsProblems() {}

    static ErrorResponseException insufficientPoints(long balance, long wanted) {
        return Problem.conflict(
                INSUFFICIENT_POINTS,
                "Not enough points: the balance is " + balance + " and " + wanted + " are needed.");
    }

    static ErrorResponseException keyReused(String key) {
        return Problem.conflict(
                KEY_REUSED,
                "The idempotency key '" + key + "' was already used for a different request; use a new key.");
    }

    static ErrorResponseException alreadyReversed() {
        return Problem.conflict(ALREADY_REVERSED, "These points were already taken back by an earlier request.");
    }

    static ErrorResponseException pending() {
        return Problem.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                "points-operation-pending",
                "This points operation has not completed yet; try again later.");
    }
}
