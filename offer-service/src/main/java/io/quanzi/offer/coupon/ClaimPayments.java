package io.quanzi.offer.coupon;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Pays a points-priced claim through the points ledger, and refunds it. */
@Component
class ClaimPayments {

    /** Spends the claim's points price; idempotent by the claim's spend key. */
    Mono<Void> spend(Claim claim) {
        return Mono.error(CouponProblem.of(
                HttpStatus.CONFLICT,
                "points-unavailable",
                "Points-priced offers cannot be claimed yet: the points ledger is not wired in."));
    }

    /** Refunds the claim's spend, if there was one; idempotent by the claim's refund key. */
    Mono<Void> refund(Claim claim) {
        return Mono.empty();
    }
}
