package io.quanzi.offer.offer;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Forgets issued claims in their stock buckets in batches: one update per offer every {@code
 * quanzi.offers.settle-window} instead of one per claim. Nothing depends on the moment an issued claim leaves {@code
 * takenBy} (a unit is only ever given back for a claim that did not issue its coupon); the list is pulled only so
 * that buckets do not grow. A batch lost to a crash or a stop leaves a few issued claim ids in their buckets,
 * which is harmless.
 */
@Component
class StockSettlements {

    private static final Logger log = LoggerFactory.getLogger(StockSettlements.class);

    private record Settlement(String offerId, String claimId) {}

    private final ReactiveMongoTemplate mongo;
    private final ConcurrentLinkedQueue<Settlement> pending = new ConcurrentLinkedQueue<>();
    private final Disposable flushing;

    StockSettlements(ReactiveMongoTemplate mongo, @Value("${quanzi.offers.settle-window:100ms}") Duration window) {
        this.mongo = mongo;
        this.flushing = Flux.interval(window)
                .onBackpressureDrop()
                .concatMap(tick -> flush().onErrorResume(failure -> {
                    log.warn(
                            "Could not settle issued claims in their stock buckets; will try with the next batch",
                            failure);
                    return Mono.empty();
                }))
                .subscribe();
    }

    void add(String offerId, String claimId) {
        pending.add(new Settlement(offerId, claimId));
    }

    /** Pulls every pending claim id out of its offer's buckets: one update per offer. */
    Mono<Void> flush() {
        Map<String, List<String>> byOffer = new LinkedHashMap<>();
        for (Settlement next = pending.poll(); next != null; next = pending.poll()) {
            byOffer.computeIfAbsent(next.offerId(), offer -> new ArrayList<>()).add(next.claimId());
        }
        return Flux.fromIterable(byOffer.entrySet())
                .concatMap(offer -> mongo.updateMulti(
                        Query.query(Criteria.where("offerId")
                                .is(offer.getKey())
                                .and("takenBy")
                                .in(offer.getValue())),
                        new Update().pullAll("takenBy", offer.getValue().toArray()),
                        StockBucket.class))
                .then();
    }

    /** Stops the batches; claims not yet settled stay listed in their buckets, which is harmless. */
    @PreDestroy
    void stop() {
        flushing.dispose();
    }
}
