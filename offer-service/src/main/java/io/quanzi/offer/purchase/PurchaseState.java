package io.quanzi.offer.purchase;

/** EARNING → RECORDED → REFUNDING → REFUNDED; the -ING states are finished by whoever comes next. */
enum PurchaseState {
    EARNING,
    RECORDED,
    REFUNDING,
    REFUNDED
}
