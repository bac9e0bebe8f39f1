package io.quanzi.platform.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quanzi.platform.mongo.DocumentIndexes;
import io.quanzi.platform.mongo.IndexDeclarations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The one outbox relay: delivers the pending {@link OutboxEntry entries} in the {@code outbox} arrays of every
 * {@link OutboxSource} collection through the {@link OutboxHandler} of their kind.
 *
 * <p>Each attempt first claims its entry with a conditional single-document update (the entry still PENDING with the
 * {@code nextAttemptAt} the relay read), which pushes {@code nextAttemptAt} forward by the lease and counts the
 * attempt; only the claimer sends. When a document has several due entries they are claimed in one such update (all
 * still as read, or none) and their outcomes recorded in one more; otherwise the outcome is recorded on the entry
 * alone (positional update): DONE and SKIPPED are final, REFUSED becomes FAILED (logged, never sent again), RETRY
 * waits {@link OutboxProperties#backoff}. Within one document, entries of an {@link OutboxHandler#ordered() ordered}
 * kind go in the order written and one that waits holds back the later ones; unordered entries go regardless, side by
 * side with the others.
 *
 * <p>Entries are tried promptly after the write ({@link #kick}: from a bounded queue drained {@code inFlight} documents
 * at a time; the document is read again unless the caller hands over the entries it just wrote) and by a sweep every
 * {@code interval}, which also picks up what a crash or a full queue left behind.
 * Metrics: {@code quanzi.outbox.pending} and {@code quanzi.outbox.oldest.age} (seconds) per collection, and
 * {@code quanzi.outbox.deliveries} per kind and outcome.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_ERROR = 500;

    /**
     * The entries' state across a document's array: the sweep and the gauges look documents up by it, through the
     * index {@link #indexes} declares on every source (without it each sweep, every second, read whole collections).
     */
    static final String STATE = OutboxEntry.FIELD + ".state";

    private final ReactiveMongoTemplate mongo;
    private final List<OutboxSource> sources;
    private final Map<String, OutboxHandler> handlers;
    private final OutboxProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> oldestSeconds = new ConcurrentHashMap<>();
    private final Sinks.Many<Prompt> prompts;
    private volatile Disposable running;

    public OutboxRelay(
            ReactiveMongoTemplate mongo,
            List<OutboxSource> sources,
            List<OutboxHandler> handlers,
            OutboxProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.sources = sources.stream().distinct().toList();
        this.handlers = handlers.stream().collect(Collectors.toMap(OutboxHandler::kind, Function.identity()));
        this.properties = properties;
        this.clock = clock;
        this.meters = meters != null ? meters : new SimpleMeterRegistry();
        this.prompts = Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(properties.queue()));
        for (OutboxSource source : this.sources) {
            AtomicLong count = pending.computeIfAbsent(source.collection(), c -> new AtomicLong());
            AtomicLong age = oldestSeconds.computeIfAbsent(source.collection(), c -> new AtomicLong());
            Gauge.builder("quanzi.outbox.pending", count, AtomicLong::get)
                    .description("Outbox entries not yet delivered")
                    .tag("collection", source.collection())
                    .register(this.meters);
            Gauge.builder("quanzi.outbox.oldest.age", age, AtomicLong::get)
                    .description("Age in seconds of the oldest pending outbox entry")
                    .baseUnit("seconds")
                    .tag("collection", source.collection())
                    .register(this.meters);
        }
    }

    /**
     * Tries the due entries of a document that was just written, without holding up the caller. When the queue is full
     * the sweep picks them up instead: they are due from the write.
     */
    public void kick(String collection, Object id) {
        prompt(new Prompt(new OutboxSource(collection), id, null));
    }

    /**
     * {@link #kick} for a document this caller has just inserted, with the entries it was inserted with: they are
     * tried as written, without reading the document back first (one round trip less on every write of a rush).
     */
    public void kick(String collection, Object id, List<OutboxEntry> written) {
        prompt(new Prompt(new OutboxSource(collection), id, List.copyOf(written)));
    }

    private void prompt(Prompt prompt) {
        if (!properties.enabled()) {
            return;
        }
        synchronized (prompts) {
            prompts.tryEmitNext(prompt);
        }
    }

    /** Delivers the due entries of one document now; completes with how many became DONE. */
    public Mono<Long> relay(String collection, Object id) {
        OutboxSource source = new OutboxSource(collection);
        Query one = new Query(where("_id").is(id));
        one.fields().include("_id", OutboxEntry.FIELD);
        return mongo.findOne(one, Document.class, collection)
                .flatMap(document -> relayDocument(source, document.get("_id"), entries(document)))
                .defaultIfEmpty(0L);
    }

    /** The index every source needs: documents by the state of their entries (multikey: one key per entry). */
    public static IndexDeclarations indexes(List<OutboxSource> sources) {
        return () -> sources.stream()
                .distinct()
                .map(source -> DocumentIndexes.inCollection(
                        source.collection(),
                        new Index().on(STATE, Sort.Direction.ASC).named("outbox_state")))
                .toList();
    }

    /** One sweep over every source; completes with the number of entries delivered (DONE). */
    public Mono<Long> relayDue() {
        return Flux.fromIterable(sources).concatMap(this::sweep).reduce(0L, Long::sum);
    }

    private Mono<Long> sweep(OutboxSource source) {
        AtomicLong delivered = new AtomicLong();
        return Flux.range(0, properties.maxBatches())
                .concatMap(batch -> sweepBatch(source))
                .takeUntil(batch -> batch.documents() < properties.batchSize() || batch.delivered() == 0)
                .doOnNext(batch -> delivered.addAndGet(batch.delivered()))
                .then(Mono.fromSupplier(delivered::get));
    }

    private Mono<Batch> sweepBatch(OutboxSource source) {
        Instant now = clock.instant();
        // The first condition is implied by the second; it is there for the index on the entries' state, which
        // answers it on either server (the embedded one uses an index only for keys a query sets to a value).
        Query due = new Query(where(STATE)
                        .is(OutboxEntry.State.PENDING.name())
                        .and(OutboxEntry.FIELD)
                        .elemMatch(where("state")
                                .is(OutboxEntry.State.PENDING.name())
                                .and("nextAttemptAt")
                                .lte(now)))
                .limit(properties.batchSize());
        due.fields().include("_id", OutboxEntry.FIELD);
        return mongo.find(due, Document.class, source.collection())
                .flatMap(
                        document -> relayDocument(source, document.get("_id"), entries(document)),
                        properties.inFlight())
                .reduce(new Batch(0, 0), (sum, done) -> new Batch(sum.documents() + 1, sum.delivered() + done));
    }

    private List<OutboxEntry> entries(Document document) {
        List<Document> raw = document.getList(OutboxEntry.FIELD, Document.class, List.of());
        return raw.stream()
                .map(entry -> mongo.getConverter().read(OutboxEntry.class, entry))
                .toList();
    }

    /**
     * Delivers a document's due entries in array order; completes with how many became DONE. Several due entries are
     * claimed together in one update and their outcomes recorded together in another (two writes for the document
     * instead of two per entry); when that claim misses (another relay, or a sweep, changed an entry since it was
     * read) each entry is claimed on its own, as for a single one.
     */
    private Mono<Long> relayDocument(OutboxSource source, Object id, List<OutboxEntry> entries) {
        List<Integer> due = due(source, id, entries);
        if (due.size() < 2) {
            return relayOneByOne(source, id, entries, due);
        }
        return claimAll(source, id, entries, due)
                .flatMap(claimed ->
                        claimed ? deliverClaimed(source, id, entries, due) : relayOneByOne(source, id, entries, due));
    }

    /** The indices an attempt may go for now: pending, with a handler, due, not held back by an earlier ordered one. */
    private List<Integer> due(OutboxSource source, Object id, List<OutboxEntry> entries) {
        Instant now = clock.instant();
        boolean orderedWaits = false;
        List<Integer> due = new ArrayList<>();
        for (int index = 0; index < entries.size(); index++) {
            OutboxEntry entry = entries.get(index);
            if (!entry.pending()) {
                continue;
            }
            OutboxHandler handler = handlers.get(entry.kind());
            if (handler == null) {
                log.warn("No outbox handler for kind {} ({} in {}/{})", entry.kind(), entry.key(), source, id);
                continue;
            }
            if (handler.ordered() && orderedWaits) {
                continue;
            }
            if (entry.nextAttemptAt() != null && entry.nextAttemptAt().isAfter(now)) {
                orderedWaits |= handler.ordered();
                continue;
            }
            due.add(index);
        }
        return due;
    }

    /** Claims and delivers the due entries one at a time; an ordered one that must wait holds back later ones. */
    private Mono<Long> relayOneByOne(OutboxSource source, Object id, List<OutboxEntry> entries, List<Integer> due) {
        boolean[] orderedWaits = {false};
        return Flux.fromIterable(due)
                .concatMap(index -> {
                    OutboxEntry entry = entries.get(index);
                    OutboxHandler handler = handlers.get(entry.kind());
                    boolean ordered = handler.ordered();
                    if (ordered && orderedWaits[0]) {
                        return Mono.empty();
                    }
                    return attempt(source, id, index, entry, handler)
                            .defaultIfEmpty(OutboxResult.Outcome.RETRY) // claimed elsewhere: counts as waiting
                            .doOnNext(outcome -> orderedWaits[0] |= ordered && outcome == OutboxResult.Outcome.RETRY);
                })
                .filter(outcome -> outcome == OutboxResult.Outcome.DONE)
                .count();
    }

    /** Claims every due entry at once if each is still as read; true when the claim took. */
    private Mono<Boolean> claimAll(OutboxSource source, Object id, List<OutboxEntry> entries, List<Integer> due) {
        // Ordered entries go one after the other: the last one must still be held when its turn comes.
        Instant leaseUntil = now().plus(properties.lease().multipliedBy(due.size()));
        Criteria seen = where("_id").is(id);
        Update lease = new Update();
        for (int index : due) {
            seen = asRead(seen, index, entries.get(index));
            lease.set(path(index, "nextAttemptAt"), leaseUntil).inc(path(index, "attempts"), 1);
        }
        return mongo.updateFirst(new Query(seen), lease, source.collection())
                .map(claimed -> claimed.getModifiedCount() == 1);
    }

    /**
     * Delivers the claimed entries and records every outcome in one update. Unordered entries go at once, side by side;
     * ordered ones go one after the other in array order, and one behind an ordered entry that must wait is not sent:
     * its claim is handed back (due again, the attempt not counted). A check-in's points, fact and milestone then take
     * as long as the slowest of the three calls instead of all three in a row, so a rush's relay keeps up with it.
     */
    private Mono<Long> deliverClaimed(OutboxSource source, Object id, List<OutboxEntry> entries, List<Integer> due) {
        List<Mono<Settled>> attempts = new ArrayList<>(due.size());
        Mono<Boolean> orderedMayGo = Mono.just(true);
        for (int index : due) {
            OutboxEntry entry = entries.get(index);
            OutboxHandler handler = handlers.get(entry.kind());
            Mono<Settled> sent = deliver(entry, handler).map(result -> new Settled(index, entry, handler, result));
            if (!handler.ordered()) {
                attempts.add(sent);
                continue;
            }
            Mono<Settled> inTurn = orderedMayGo
                    .flatMap(go -> go ? sent : Mono.just(new Settled(index, entry, handler, null)))
                    .cache();
            attempts.add(inTurn);
            orderedMayGo = inTurn.map(Settled::letsLaterOrderedGo);
        }
        return Flux.merge(attempts).collectList().flatMap(settled -> {
            Update outcomes = new Update();
            long done = 0;
            for (Settled one : settled) {
                if (one.result() == null) {
                    outcomes.set(path(one.index(), "nextAttemptAt"), now()).inc(path(one.index(), "attempts"), -1);
                    continue;
                }
                record(
                        outcomes,
                        source,
                        id,
                        one.index(),
                        one.entry(),
                        one.entry().attempts() + 1,
                        one.result(),
                        one.handler());
                done += one.result().outcome() == OutboxResult.Outcome.DONE ? 1 : 0;
            }
            return mongo.updateFirst(new Query(where("_id").is(id)), outcomes, source.collection())
                    .thenReturn(done);
        });
    }

    private static Criteria asRead(Criteria criteria, int index, OutboxEntry entry) {
        Criteria seen = criteria.and(path(index, "key"))
                .is(entry.key())
                .and(path(index, "state"))
                .is(OutboxEntry.State.PENDING.name());
        return entry.nextAttemptAt() == null
                ? seen
                : seen.and(path(index, "nextAttemptAt"))
                        .is(entry.nextAttemptAt().truncatedTo(ChronoUnit.MILLIS));
    }

    private Mono<OutboxResult> deliver(OutboxEntry entry, OutboxHandler handler) {
        return Mono.defer(() -> handler.deliver(entry))
                .defaultIfEmpty(OutboxResult.done())
                .onErrorResume(failure -> Mono.just(OutboxResult.retry(describe(failure))));
    }

    /**
     * Claims the entry at {@code index} (entries are only ever appended, so an index stays valid) if it is still as
     * read, then delivers it and records the outcome.
     */
    private Mono<OutboxResult.Outcome> attempt(
            OutboxSource source, Object id, int index, OutboxEntry entry, OutboxHandler handler) {
        Instant now = now();
        Query claim = new Query(asRead(where("_id").is(id), index, entry));
        Update lease = new Update()
                .set(path(index, "nextAttemptAt"), now.plus(properties.lease()))
                .inc(path(index, "attempts"), 1);
        return mongo.updateFirst(claim, lease, source.collection()).flatMap(claimed -> {
            if (claimed.getModifiedCount() != 1) {
                return Mono.empty();
            }
            return deliver(entry, handler).flatMap(result -> {
                Update update = new Update();
                record(update, source, id, index, entry, entry.attempts() + 1, result, handler);
                Query mine = new Query(
                        where("_id").is(id).and(OutboxEntry.FIELD + ".key").is(entry.key()));
                return mongo.updateFirst(mine, update, source.collection()).thenReturn(result.outcome());
            });
        });
    }

    /** Adds the outcome of one attempt at the entry at {@code index} to {@code update}, and counts it. */
    private void record(
            Update update,
            OutboxSource source,
            Object id,
            int index,
            OutboxEntry entry,
            int attempts,
            OutboxResult result,
            OutboxHandler handler) {
        Instant now = now();
        Function<String, String> path = property -> path(index, property);
        update.set(path.apply("lastError"), abbreviate(result.detail()));
        switch (result.outcome()) {
            case DONE -> {
                update.set(path.apply("state"), OutboxEntry.State.DONE.name()).set(path.apply("settledAt"), now);
                if (handler.forgetPayloadWhenDone()) {
                    update.set(path.apply("payload"), Map.of());
                }
            }
            case SKIPPED ->
                update.set(path.apply("state"), OutboxEntry.State.SKIPPED.name())
                        .set(path.apply("settledAt"), now);
            case REFUSED -> {
                log.error(
                        "Outbox entry {} ({}) of {}/{} refused for good: {}",
                        entry.key(),
                        entry.kind(),
                        source.collection(),
                        id,
                        result.detail());
                update.set(path.apply("state"), OutboxEntry.State.FAILED.name()).set(path.apply("settledAt"), now);
            }
            case RETRY -> {
                Duration backoff = properties.backoff(attempts);
                log.info(
                        "Outbox entry {} ({}) of {}/{} not delivered (attempt {}), retry in {}: {}",
                        entry.key(),
                        entry.kind(),
                        source.collection(),
                        id,
                        attempts,
                        backoff,
                        result.detail());
                update.set(path.apply("nextAttemptAt"), now.plus(backoff));
            }
        }
        Counter.builder("quanzi.outbox.deliveries")
                .description("Outbox delivery attempts by outcome")
                .tag("kind", entry.kind())
                .tag("outcome", result.outcome().name())
                .register(meters)
                .increment();
    }

    /** Recounts the pending entries and the age of the oldest one per collection, for the gauges. */
    public Mono<Void> measure() {
        Instant now = clock.instant();
        return Flux.fromIterable(sources)
                .concatMap(source -> {
                    Query withPending = new Query(where(STATE).is(OutboxEntry.State.PENDING.name()));
                    withPending.fields().include(OutboxEntry.FIELD);
                    return mongo.find(withPending, Document.class, source.collection())
                            .flatMapIterable(this::entries)
                            .filter(OutboxEntry::pending)
                            .reduce(new long[] {0, Long.MAX_VALUE}, (acc, entry) -> {
                                acc[0]++;
                                if (entry.createdAt() != null) {
                                    acc[1] = Math.min(acc[1], entry.createdAt().toEpochMilli());
                                }
                                return acc;
                            })
                            .doOnNext(acc -> {
                                pending.get(source.collection()).set(acc[0]);
                                oldestSeconds
                                        .get(source.collection())
                                        .set(
                                                acc[1] == Long.MAX_VALUE
                                                        ? 0
                                                        : Math.max(0, (now.toEpochMilli() - acc[1]) / 1000));
                            });
                })
                .then();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        Disposable promptly = prompts.asFlux()
                .flatMap(
                        prompt -> (prompt.written() == null
                                        ? relay(prompt.source().collection(), prompt.id())
                                        : relayDocument(prompt.source(), prompt.id(), prompt.written()))
                                .onErrorResume(failure -> {
                                    log.warn(
                                            "Prompt outbox delivery for {}/{} failed; the sweep retries",
                                            prompt.source().collection(),
                                            prompt.id(),
                                            failure);
                                    return Mono.empty();
                                }),
                        properties.inFlight())
                .subscribe();
        Disposable sweeps = Flux.interval(properties.interval(), properties.interval())
                .onBackpressureDrop()
                .concatMap(
                        tick -> relayDue().onErrorResume(failure -> {
                            log.warn("Outbox sweep failed, next one in {}", properties.interval(), failure);
                            return Mono.empty();
                        }),
                        1)
                .subscribe();
        Disposable measures = Flux.interval(Duration.ZERO, properties.metricsInterval())
                .onBackpressureDrop()
                .concatMap(tick -> measure().onErrorResume(failure -> Mono.empty()), 1)
                .subscribe();
        running = () -> {
            promptly.dispose();
            sweeps.dispose();
            measures.dispose();
        };
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String path(int index, String property) {
        return OutboxEntry.FIELD + "." + index + "." + property;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message != null ? ": " + message : "");
    }

    /** A document to try now; {@code written} holds its entries when the caller just inserted them, else null. */
    private record Prompt(OutboxSource source, Object id, List<OutboxEntry> written) {}

    private record Batch(long documents, long delivered) {}

    /** A claimed entry's attempt: its result, or null when it was handed back unsent (behind a waiting ordered one). */
    private record Settled(int index, OutboxEntry entry, OutboxHandler handler, OutboxResult result) {

        boolean letsLaterOrderedGo() {
            return result != null && result.outcome() != OutboxResult.Outcome.RETRY;
        }
    }
}
