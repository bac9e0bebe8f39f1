package io.quanzi.offer.coupon;

import io.quanzi.platform.problem.Problem;
import java.time.Clock;
import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A member's own coupons and their QR tokens. Another member's coupon is simply not found. */
@Service
class Coupons {

    static final int MAX_LISTED = 200;

    private final ReactiveMongoTemplate mongo;
    private final QrTokens tokens;
    private final Clock clock;

    Coupons(ReactiveMongoTemplate mongo, QrTokens tokens, Clock clock) {
        this.mongo = mongo;
        this.tokens = tokens;
        this.clock = clock;
    }

    Flux<CouponView> mine(String memberId, String status) {
        Instant now = clock.instant();
        Criteria criteria = Criteria.where("memberId").is(memberId);
        switch (status) {
            case CouponView.USED -> criteria.and("status").is(CouponStatus.REDEEMED);
            case CouponView.EXPIRED ->
                criteria.and("status").is(CouponStatus.ACTIVE).and("expiresAt").lte(now);
            default ->
                criteria.and("status").is(CouponStatus.ACTIVE).and("expiresAt").gt(now);
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Direction.DESC, "issuedAt"))
                .limit(MAX_LISTED);
        return mongo.find(query, Coupon.class).map(coupon -> CouponView.of(coupon, now));
    }

    Mono<CouponView> own(String memberId, String couponId) {
        return owned(memberId, couponId).map(coupon -> CouponView.of(coupon, clock.instant()));
    }

    /** A fresh QR token for an active coupon of the member. */
    Mono<QrTokens.QrToken> qrToken(String memberId, String couponId) {
        return owned(memberId, couponId).flatMap(coupon -> {
            if (coupon.status() == CouponStatus.REDEEMED) {
                return Mono.error(Redemptions.alreadyRedeemed(coupon));
            }
            if (coupon.expiredAt(clock.instant())) {
                return Mono.error(Problem.of(
                        HttpStatus.CONFLICT, "coupon-expired", "This coupon expired at " + coupon.expiresAt() + "."));
            }
            return tokens.issue(coupon);
        });
    }

    private Mono<Coupon> owned(String memberId, String couponId) {
        return mongo.findOne(
                        Query.query(Criteria.where("_id")
                                .is(couponId)
                                .and("memberId")
                                .is(memberId)),
                        Coupon.class)
                .switchIfEmpty(
                        Mono.error(() -> Problem.notFound("coupon-not-found", "You have no coupon " + couponId + ".")));
    }
}
