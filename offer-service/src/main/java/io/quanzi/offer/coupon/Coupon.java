package io.quanzi.offer.coupon;

import io.quanzi.offer.offer.OfferType;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A coupon issued by a claim: one per claim (unique {@code claimId}), with a unique unguessable
 * {@code code}. Redeemed at most once by the conditional update ACTIVE → REDEEMED, which also
 * records who redeemed it, where and when.
 */
@Document("coupons")
record Coupon(
        @Id String id,
        String code,
        String claimId,
        String offerId,
        String brandId,
        String memberId,
        OfferType type,
        String title,
        CouponStatus status,
        Instant issuedAt,
        Instant expiresAt,
        Instant redeemedAt,
        String redeemedStoreId,
        String redeemedBy) {

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
