package io.quanzi.offer.coupon;

/** Stored status; "expired" is derived from {@code expiresAt}, never stored. */
enum CouponStatus {
    ACTIVE,
    REDEEMED
}
