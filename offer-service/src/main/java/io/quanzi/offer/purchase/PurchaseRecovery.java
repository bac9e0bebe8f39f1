package io.quanzi.offer.purchase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Finishes purchases whose points step was interrupted (state EARNING or REFUNDING for a while). */
@Component
class PurchaseRecovery {

    private static final Duration SETTLE_DELAY = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(PurchaseRecovery.class);

    private final ReactiveMongoTemplate mongo;
    private final Purchases purchases;
    private final Clock clock;

    PurchaseRecovery(ReactiveMongoTemplate mongo, Purchases purchases, Clock clock) {
        this.mongo = mongo;
        this.purchases = purchases;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${quanzi.points.recovery-delay:5s}", initialDelayString = "12s")
    Mono<Long> scheduledRun() {
        return runOnce().onErrorResume(failure -> {
            log.error("Purchase recovery failed; the next run starts over", failure);
            return Mono.just(0L);
        });
    }

    Mono<Long> runOnce() {
        Instant settled = clock.instant().minus(SETTLE_DELAY);
        Query unfinished = Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("state")
                                        .is(PurchaseState.EARNING.name())
                                        .and("recordedAt")
                                        .lt(settled),
                                Criteria.where("state")
                                        .is(PurchaseState.REFUNDING.name())
                                        .and("refundRequestedAt")
                                        .lt(settled)))
                .limit(500);
        return mongo.find(unfinished, Purchase.class)
                .concatMap(purchase -> purchases.finish(purchase).onErrorResume(failure -> {
                    log.warn("Could not finish purchase {}", purchase.id(), failure);
                    return Mono.empty();
                }))
                .count();
    }
}
