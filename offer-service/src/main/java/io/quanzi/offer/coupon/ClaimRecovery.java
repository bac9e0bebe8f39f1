package io.quanzi.offer.coupon;

import io.quanzi.offer.offer.Offers;
import io.quanzi.platform.problem.Problem;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Finishes or rolls back claims whose driver stopped half-way (a crash, a lost connection): any
 * claim still RESERVED, PAID or FAILED after its lease ran out. PAID claims are finished (the member
 * paid; the coupon is issued). RESERVED claims are rolled back (slot and stock unit given back,
 * points refunded if they were spent) and FAILED ones finish giving back. Every step is idempotent,
 * so running twice, or alongside a repeated request, neither loses nor doubles anything.
 */
@Component
class ClaimRecovery {

    static final String ABANDONED = "This claim could not be completed and was rolled back: nothing was taken."
            + " Claim again with a new Idempotency-Key.";

    private static final Logger log = LoggerFactory.getLogger(ClaimRecovery.class);
    private static final int BATCH = 100;

    private final ReactiveMongoTemplate mongo;
    private final ClaimSteps steps;
    private final Offers offers;
    private final Clock clock;

    ClaimRecovery(ReactiveMongoTemplate mongo, ClaimSteps steps, Offers offers, Clock clock) {
        this.mongo = mongo;
        this.steps = steps;
        this.offers = offers;
        this.clock = clock;
    }

    /**
     * One pass over the stale claims; emits how many it looked at. Deferred: the scheduler
     * subscribes to the same Mono on every run, so "now" must be read at subscription.
     */
    Mono<Long> runOnce() {
        return Mono.defer(this::pass);
    }

    private Mono<Long> pass() {
        Query stale = Query.query(Criteria.where("state")
                        .in(List.of(ClaimState.RESERVED, ClaimState.PAID, ClaimState.FAILED))
                        .and("leaseUntil")
                        .lt(clock.instant()))
                .with(Sort.by("leaseUntil"))
                .limit(BATCH);
        return mongo.find(stale, Claim.class)
                .concatMap(claim -> recover(claim).onErrorResume(failure -> {
                    log.warn("Could not recover claim {} yet; will try again", claim.id(), failure);
                    return Mono.empty();
                }))
                .count();
    }

    /** Takes over one stale claim and finishes or rolls it back; empty if someone else has it. */
    Mono<Claim> recover(Claim stale) {
        return steps.takeOver(stale).flatMap(claim -> switch (claim.state()) {
            case PAID ->
                offers.terms(claim.offerId())
                        .flatMap(offer -> steps.issue(claim, offer))
                        .doOnNext(coupon -> log.info("Recovered claim {}: issued coupon {}", claim.id(), coupon.id()))
                        .then(steps.byId(claim.id()));
            case RESERVED ->
                steps.refuse(claim, Problem.of(HttpStatus.CONFLICT, "claim-abandoned", ABANDONED))
                        .doOnNext(released -> log.info("Recovered claim {}: rolled back", claim.id()));
            case FAILED -> steps.release(claim);
            default -> Mono.just(claim);
        });
    }
}
