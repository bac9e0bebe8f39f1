package io.quanzi.offer.coupon;

import io.quanzi.platform.mongo.DocumentIndexes;
import io.quanzi.platform.mongo.IndexDeclarations;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The unique indexes the claim and redemption invariants rest on: one claim per (member,
 * idempotency key), one coupon per claim, unique coupon codes, one audit record per coupon.
 */
@Component
class CouponIndexes implements IndexDeclarations {

    @Override
    public List<DocumentIndexes> indexes() {
        return List.of(
                DocumentIndexes.of(
                        Claim.class,
                        new Index()
                                .on("memberId", Sort.Direction.ASC)
                                .on("idempotencyKey", Sort.Direction.ASC)
                                .unique()
                                .named("member_key_unique")),
                DocumentIndexes.of(
                        Claim.class,
                        new Index()
                                .on("state", Sort.Direction.ASC)
                                .on("leaseUntil", Sort.Direction.ASC)
                                .named("state_lease")),
                DocumentIndexes.of(
                        Coupon.class,
                        new Index().on("code", Sort.Direction.ASC).unique().named("code_unique")),
                DocumentIndexes.of(
                        Coupon.class,
                        new Index().on("claimId", Sort.Direction.ASC).unique().named("claim_unique")),
                DocumentIndexes.of(
                        Coupon.class,
                        new Index()
                                .on("memberId", Sort.Direction.ASC)
                                .on("issuedAt", Sort.Direction.DESC)
                                .named("member_issued")),
                DocumentIndexes.of(
                        Redemption.class,
                        new Index().on("couponId", Sort.Direction.ASC).unique().named("coupon_unique")));
    }
}
