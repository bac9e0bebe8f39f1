package io.quanzi.offer.purchase;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An in-store purchase recorded by staff, unique per (storeId, receiptNumber). The document is its
 * own outbox: EARNING and REFUNDING mean the points step may not have happened yet, and a repeat
 * of the request or {@link PurchaseRecovery} finishes it with the ledger's idempotent calls.
 *
 * @param amount the amount as a plain decimal with 2 places, e.g. {@code "12.50"}
 */
@Document("purchases")
record Purchase(
        @Id String id,
        String brandId,
        String storeId,
        String memberId,
        String receiptNumber,
        String amount,
        String currency,
        String fingerprint,
        String recordedBy,
        Instant recordedAt,
        PurchaseState state,
        Long points,
        String refundedBy,
        Instant refundRequestedAt,
        Long refundedPoints) {}
