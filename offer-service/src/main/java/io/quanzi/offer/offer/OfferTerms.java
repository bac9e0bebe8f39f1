package io.quanzi.offer.offer;

import java.time.Instant;
import java.util.List;

/** What claims and redemptions need to know of an offer: a read-only snapshot, not the document. */
public record OfferTerms(
        String id,
        String brandId,
        OfferType type,
        String title,
        Instant validFrom,
        Instant validUntil,
        List<String> redeemableStoreIds,
        int perMemberLimit,
        long pointsPrice,
        Eligibility eligibility,
        OfferStatus status,
        boolean soldOut,
        int stockBuckets) {

    public boolean redeemableAt(String storeId) {
        return redeemableStoreIds.contains(storeId);
    }
}
