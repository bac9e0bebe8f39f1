package io.quanzi.offer.coupon;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The unique indexes the claim and redemption invariants rest on: one claim per (member,
 * idempotency key), one coupon per claim, unique coupon codes, one audit record per coupon.
 */
@Component
class CouponIndexes implements ApplicationRunner {

    private final ReactiveMongoTemplate mongo;

    CouponIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        Flux.concat(
                        mongo.indexOps(Claim.class)
                                .createIndex(new Index()
                                        .on("memberId", Sort.Direction.ASC)
                                        .on("idempotencyKey", Sort.Direction.ASC)
                                        .unique()
                                        .named("member_key_unique")),
                        mongo.indexOps(Claim.class)
                                .createIndex(new Index()
                                        .on("state", Sort.Direction.ASC)
                                        .on("leaseUntil", Sort.Direction.ASC)
                                        .named("state_lease")),
                        mongo.indexOps(Coupon.class)
                                .createIndex(new Index()
                                        .on("code", Sort.Direction.ASC)
                                        .unique()
                                        .named("code_unique")),
                        mongo.indexOps(Coupon.class)
                                .createIndex(new Index()
                                        .on("claimId", Sort.Direction.ASC)
                                        .unique()
                                        .named("claim_unique")),
                        mongo.indexOps(Coupon.class)
                                .createIndex(new Index()
                                        .on("memberId", Sort.Direction.ASC)
                                        .on("issuedAt", Sort.Direction.DESC)
                                        .named("member_issued")),
                        mongo.indexOps(Redemption.class)
                                .createIndex(new Index()
                                        .on("couponId", Sort.Direction.ASC)
                                        .unique()
                                        .named("coupon_unique")))
                .then()
                .block(Duration.ofSeconds(30));
    }
}
