package io.quanzi.offer.coupon;

/**
 * A claim's life. RESERVED: the claim exists and is taking its member slot and stock unit (and
 * paying points). PAID: slot, unit and points are held; only the coupon is missing. ISSUED: done.
 * FAILED: refused or abandoned, what it held is being given back. RELEASED: everything given back.
 * A claim stuck in RESERVED or FAILED is rolled back by the recovery job; one stuck in PAID is
 * finished (its coupon issued), since the member has paid.
 */
enum ClaimState {
    RESERVED,
    PAID,
    ISSUED,
    FAILED,
    RELEASED
}
