package io.quanzi.offer.offer;

/** What a member gets from an offer. */
public enum OfferType {
    /** A discount at the till. */
    DISCOUNT_COUPON,
    /** A free gift handed over in store. */
    GIFT,
    /** A reward bought with points (the offer has a points price). */
    POINTS_REWARD,
    /** Only for members who attended an event (the offer requires an {@code attended-event:E} fact). */
    EVENT_EXCLUSIVE
}
