package io.quanzi.offer.coupon;

import io.quanzi.offer.points.PointsLedger;
import io.quanzi.offer.points.PointsProblems;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import reactor.core.publisher.Mono;

/**
 * Pays a points-priced claim through the points ledger, and refunds it. Both are idempotent by keys
 * derived from the claim id, so the request, a retry and the recovery job can all call them: a
 * claim is charged at most once and refunded at most once.
 */
@Component
class ClaimPayments {

    private final PointsLedger ledger;

    ClaimPayments(PointsLedger ledger) {
        this.ledger = ledger;
    }

    /** Spends the claim's points price; a 409 {@code insufficient-points} problem when the balance is short. */
    Mono<Void> spend(Claim claim) {
        return ledger.spend(claim.memberId(), claim.brandId(), claim.pointsPrice(), claim.spendKey(), claim.sourceRef())
                .then();
    }

    /**
     * Refunds the claim's spend. When there is nothing to refund (the spend never happened, or the
     * ledger refused it) that is the end state wanted, not a failure.
     */
    Mono<Void> refund(Claim claim) {
        return ledger.refund(claim.memberId(), claim.brandId(), claim.spendKey(), claim.refundKey())
                .then()
                .onErrorResume(ClaimPayments::nothingToRefund, nothing -> Mono.empty());
    }

    private static boolean nothingToRefund(Throwable failure) {
        if (!(failure instanceof ErrorResponse response)) {
            return false;
        }
        String type = String.valueOf(response.getBody().getType());
        return response.getStatusCode().value() == 404
                || type.endsWith(":nothing-to-reverse")
                || type.endsWith(":" + PointsProblems.ALREADY_REVERSED);
    }
}
