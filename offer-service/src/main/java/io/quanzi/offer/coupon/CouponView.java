package io.quanzi.offer.coupon;

import io.quanzi.offer.offer.OfferType;
import java.time.Instant;

/** What a member sees of a coupon: an allow-list, never the stored document. */
record CouponView(
        String id,
        String code,
        String offerId,
        String brandId,
        OfferType type,
        String title,
        String status,
        Instant issuedAt,
        Instant expiresAt,
        Instant redeemedAt,
        String redeemedStoreId) {

    static final String ACTIVE = "active";
    static final String USED = "used";
    static final String EXPIRED = "expired";

    static CouponView of(Coupon coupon, Instant now) {
        String status = coupon.status() == CouponStatus.REDEEMED ? USED : coupon.expiredAt(now) ? EXPIRED : ACTIVE;
        return new CouponView(
                coupon.id(),
                coupon.code(),
                coupon.offerId(),
                coupon.brandId(),
                coupon.type(),
                coupon.title(),
                status,
                coupon.issuedAt(),
                coupon.expiresAt(),
                coupon.redeemedAt(),
                coupon.redeemedStoreId());
    }
}
