package io.quanzi.offer.offer;

import io.quanzi.platform.mongo.DocumentIndexes;
import io.quanzi.platform.mongo.IndexDeclarations;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** Indexes for listing offers and finding the bucket that holds a claim's unit. */
@Component
class OfferIndexes implements IndexDeclarations {

    @Override
    public List<DocumentIndexes> indexes() {
        return List.of(
                DocumentIndexes.of(
                        Offer.class,
                        new Index()
                                .on("brandId", Sort.Direction.ASC)
                                .on("status", Sort.Direction.ASC)
                                .on("validUntil", Sort.Direction.ASC)
                                .named("brand_status_until")),
                DocumentIndexes.of(
                        StockBucket.class,
                        new Index()
                                .on("offerId", Sort.Direction.ASC)
                                .on("takenBy", Sort.Direction.ASC)
                                .named("offer_taken_by")));
    }
}
