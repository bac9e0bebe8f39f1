package io.quanzi.offer.purchase;

import java.time.Instant;

/**
 * A recorded purchase as staff see it (no balance: staff have no business reading it).
 *
 * @param points the points the purchase earned (0 while still being processed)
 * @param refundedPoints the points taken back by a refund, if refunded
 */
record PurchaseResponse(
        String purchaseId,
        String brandId,
        String storeId,
        String memberId,
        String receiptNumber,
        String amount,
        String currency,
        long points,
        String status,
        Long refundedPoints,
        Instant recordedAt,
        boolean duplicate) {

    static PurchaseResponse of(Purchase purchase, boolean duplicate) {
        return new PurchaseResponse(
                purchase.id(),
                purchase.brandId(),
                purchase.storeId(),
                purchase.memberId(),
                purchase.receiptNumber(),
                purchase.amount(),
                purchase.currency(),
                purchase.points() == null ? 0 : purchase.points(),
                purchase.state().name(),
                purchase.refundedPoints(),
                purchase.recordedAt(),
                duplicate);
    }
}
