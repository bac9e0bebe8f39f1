package io.quanzi.offer.offer;

/** ACTIVE offers can be claimed and redeemed; PAUSED ones neither, until resumed; CLOSED is final. */
public enum OfferStatus {
    ACTIVE,
    PAUSED,
    CLOSED
}
