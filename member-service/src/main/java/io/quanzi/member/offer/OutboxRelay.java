package io.quanzi.member.offer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Delivers the pending {@link OfferCall}s found in the outbox arrays of every {@link OutboxSource}
 * collection: sends each due entry, then records the outcome on that entry alone (positional
 * update by its unique key). Acknowledged entries are never sent again; retryable failures wait
 * with exponential back-off; permanent refusals are marked failed and logged. Within one document
 * facts go in order, and a fact waiting for a retry holds back the later facts, so an "absent"
 * can never overtake the "present" before it. Sending twice is harmless: points carry
 * idempotency keys and facts are idempotent by nature, so several instances may sweep at once.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final ReactiveMongoTemplate mongo;
    private final OfferClient offers;
    private final List<OutboxSource> sources;
    private final OutboxProperties properties;
    private final Clock clock;
    private volatile Disposable schedule;

    OutboxRelay(
            ReactiveMongoTemplate mongo,
            OfferClient offers,
            List<OutboxSource> sources,
            OutboxProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.offers = offers;
        this.sources = sources;
        this.properties = properties;
        this.clock = clock;
    }

    /** One sweep over every source; completes with the number of entries acknowledged. */
    public Mono<Long> relayDue() {
        return Flux.fromIterable(sources)
                .concatMap(this::relay)
                .filter(delivery -> delivery.outcome() == Delivery.Outcome.ACKNOWLEDGED)
                .count();
    }

    private Flux<Delivery> relay(OutboxSource source) {
        Instant now = clock.instant();
        Query due = new Query(where("outbox")
                        .elemMatch(where("state")
                                .is(OfferCall.State.PENDING.name())
                                .and("nextAttemptAt")
                                .lte(now)))
                .limit(properties.batchSize());
        due.fields().include("_id", "outbox");
        return mongo.find(due, Document.class, source.collection())
                .concatMap(document -> relayDocument(source, document, now));
    }

    private Flux<Delivery> relayDocument(OutboxSource source, Document document, Instant now) {
        Object id = document.get("_id");
        List<OfferCall> calls = document.getList("outbox", Document.class).stream()
                .map(entry -> mongo.getConverter().read(OfferCall.class, entry))
                .filter(OfferCall::pending)
                .toList();
        // Facts must arrive in order (present, absent, present…): once one waits, later facts wait too.
        // Points are independent of each other and of facts, so they go regardless.
        boolean[] factsWait = {false};
        return Flux.fromIterable(calls).concatMap(call -> {
            boolean fact = call.kind() == OfferCall.Kind.FACT;
            if (fact && factsWait[0]) {
                return Mono.empty();
            }
            if (call.nextAttemptAt().isAfter(now)) {
                factsWait[0] |= fact;
                return Mono.empty();
            }
            return offers.deliver(call)
                    .flatMap(delivery -> record(source, id, call, delivery))
                    .doOnNext(delivery -> factsWait[0] |= fact && delivery.outcome() == Delivery.Outcome.RETRY);
        });
    }

    private Mono<Delivery> record(OutboxSource source, Object id, OfferCall call, Delivery delivery) {
        Instant now = clock.instant();
        int attempts = call.attempts() + 1;
        Update update = new Update().set("outbox.$.attempts", attempts).set("outbox.$.lastError", delivery.detail());
        switch (delivery.outcome()) {
            case ACKNOWLEDGED ->
                update.set("outbox.$.state", OfferCall.State.ACKNOWLEDGED.name())
                        .set("outbox.$.settledAt", now);
            case REJECTED -> {
                log.error(
                        "offer-service refused outbox entry {} of {}/{} for good: {}",
                        call.key(),
                        source.collection(),
                        id,
                        delivery.detail());
                update.set("outbox.$.state", OfferCall.State.FAILED.name()).set("outbox.$.settledAt", now);
            }
            case RETRY -> {
                log.warn(
                        "Outbox entry {} of {}/{} not delivered (attempt {}), will retry: {}",
                        call.key(),
                        source.collection(),
                        id,
                        attempts,
                        delivery.detail());
                update.set("outbox.$.nextAttemptAt", now.plus(properties.backoff(attempts)));
            }
        }
        Query entry = new Query(where("_id").is(id).and("outbox.key").is(call.key()));
        return mongo.updateFirst(entry, update, source.collection()).thenReturn(delivery);
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        schedule = Flux.interval(properties.interval(), properties.interval())
                .onBackpressureDrop()
                .concatMap(
                        tick -> relayDue().onErrorResume(failure -> {
                            log.warn("Outbox sweep failed, next one in {}", properties.interval(), failure);
                            return Mono.empty();
                        }),
                        1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable running = schedule;
        if (running != null) {
            running.dispose();
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
