package io.quanzi.offer.coupon;

import io.quanzi.platform.mongo.DocumentIndexes;
import io.quanzi.platform.mongo.IndexDeclarations;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/** What an offer's claim and redemption report reads: coupons and redemptions by offer and time. */
@Component
class OfferStatsIndexes implements IndexDeclarations {

    @Override
    public List<DocumentIndexes> indexes() {
        return List.of(
                DocumentIndexes.of(
                        Coupon.class,
                        new Index()
                                .on("offerId", Sort.Direction.ASC)
                                .on("issuedAt", Sort.Direction.ASC)
                                .named("offer_issued")),
                DocumentIndexes.of(
                        Redemption.class,
                        new Index()
                                .on("offerId", Sort.Direction.ASC)
                                .on("redeemedAt", Sort.Direction.ASC)
                                .named("offer_redeemed")));
    }
}
