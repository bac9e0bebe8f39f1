package io.quanzi.offer.coupon;

import reactor.core.publisher.Mono;

/**
 * Called between the steps of a claim. Production has none; the crash-recovery tests use one to
 * stop a claim half-way, as a crash would, and then run the recovery job.
 */
@FunctionalInterface
interface ClaimCheckpoint {

    enum Step {
        SLOT_TAKEN,
        STOCK_TAKEN,
        POINTS_SPENT,
        PAID
    }

    ClaimCheckpoint NONE = (step, claimId) -> Mono.empty();

    Mono<Void> reached(Step step, String claimId);
}
