package io.quanzi.community.client;

import java.util.Objects;

/**
 * Points to award through offer-service ({@code POST /internal/points/earn}).
 *
 * @param idempotencyKey the same key and body apply at most once, however often sent
 * @param points overrides the brand's rule for the activity (for example an event's attend points), or null
 */
public record EarnRequest(
        String idempotencyKey, String memberId, String brandId, Activity activity, String sourceRef, Integer points) {

    public EarnRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(brandId, "brandId");
        Objects.requireNonNull(activity, "activity");
        if (points != null && points <= 0) {
            throw new IllegalArgumentException("points must be positive when given");
        }
    }

    /** The earning activities offer-service knows. */
    public enum Activity {
        CLUB_JOIN,
        CHECK_IN,
        FIRST_POST,
        REFERRAL_REFERRER,
        REFERRAL_REFEREE
    }
}
