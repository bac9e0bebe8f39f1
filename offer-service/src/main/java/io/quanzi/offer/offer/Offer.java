package io.quanzi.offer.offer;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An offer of a brand. Its stock is not kept here but split over {@code stockBuckets} bucket
 * documents ({@link StockBucket}), so that a flash drop does not funnel every claim into one hot
 * document. {@code soldOut} is set once every bucket was seen empty: claims then answer at once
 * without touching the buckets; giving stock back clears it. {@code version} guards admin edits.
 */
@Document("offers")
record Offer(
        @Id String id,
        String brandId,
        OfferType type,
        String title,
        String description,
        String imageUrl,
        Instant validFrom,
        Instant validUntil,
        List<String> redeemableStoreIds,
        int totalStock,
        int perMemberLimit,
        long pointsPrice,
        Eligibility eligibility,
        OfferStatus status,
        boolean soldOut,
        int stockBuckets,
        long version,
        String createdBy,
        Instant createdAt,
        Instant updatedAt) {

    OfferTerms terms() {
        return new OfferTerms(
                id,
                brandId,
                type,
                title,
                validFrom,
                validUntil,
                redeemableStoreIds,
                perMemberLimit,
                pointsPrice,
                eligibility,
                status,
                soldOut,
                stockBuckets);
    }
}
