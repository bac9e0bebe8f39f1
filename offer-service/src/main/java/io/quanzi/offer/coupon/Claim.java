package io.quanzi.offer.coupon;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One claim of an offer by a member, unique per (member, idempotency key). Written before any
 * effect, so the recovery job can always find and finish or undo a half-done claim. Whoever drives
 * the claim holds it until {@code leaseUntil}; the recovery job only takes claims whose lease ran out.
 */
@Document("offer_claims")
record Claim(
        @Id String id,
        String memberId,
        String idempotencyKey,
        String offerId,
        String brandId,
        long pointsPrice,
        ClaimState state,
        String couponId,
        int failureStatus,
        String failureType,
        String failureDetail,
        Instant createdAt,
        Instant updatedAt,
        Instant leaseUntil) {

    /** Idempotency key of the points spend: one per claim, so a retried spend never charges twice. */
    String spendKey() {
        return "offer-claim:" + id;
    }

    /** Idempotency key of the refund of that spend. */
    String refundKey() {
        return "offer-claim-refund:" + id;
    }

    String sourceRef() {
        return "offer:" + offerId + "/claim:" + id;
    }

    boolean paysPoints() {
        return pointsPrice > 0;
    }
}
