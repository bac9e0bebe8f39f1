package io.quanzi.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quanzi.platform.mongo.DocumentIndexes;
import io.quanzi.platform.test.EmbeddedMongo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/** The one outbox relay against the embedded MongoDB-wire server, with handlers that play the targets. */
class OutboxRelayTest {

    private static final String COLLECTION = "causes";
    private static MongoClient client;
    private static ReactiveMongoTemplate mongo;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final Map<String, Function<OutboxEntry, Mono<OutboxResult>>> behaviour = new ConcurrentHashMap<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.uri("outbox-relay-test"));
        mongo = new ReactiveMongoTemplate(client, "outbox-relay-test");
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void clean() {
        mongo.dropCollection(COLLECTION).block();
    }

    @Test
    void deliversADueEntryOnceAndMarksItDone() {
        insert("a", entry("e1", "points"));
        OutboxRelay relay = relay(props());

        assertThat(relay.relayDue().block()).isEqualTo(1);
        assertThat(relay.relayDue().block()).isZero();

        assertThat(sent).containsExactly("e1");
        OutboxEntry stored = stored("a", "e1");
        assertThat(stored.state()).isEqualTo(OutboxEntry.State.DONE);
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(stored.settledAt()).isEqualTo(clock.instant());
        assertThat(meters.get("quanzi.outbox.deliveries")
                        .tag("kind", "points")
                        .tag("outcome", "DONE")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void everySourceGetsTheIndexOnItsEntriesStateOnceAndTheSweepStillFindsItsEntries() {
        var declared = OutboxRelay.indexes(
                        List.of(new OutboxSource(COLLECTION), new OutboxSource(COLLECTION), new OutboxSource("others")))
                .indexes();
        assertThat(declared).extracting(DocumentIndexes::collection).containsExactly(COLLECTION, "others");
        for (var index : declared.get(0).indexes()) {
            mongo.indexOps(COLLECTION).createIndex(index).block();
        }
        assertThat(mongo.indexOps(COLLECTION).getIndexInfo().collectList().block())
                .anySatisfy(info -> assertThat(info.isIndexForFields(List.of("outbox.state")))
                        .isTrue());

        insert("a", entry("e1", "points"));
        insert("b", entry("e2", "points"));
        assertThat(relay(props()).relayDue().block()).isEqualTo(2);
        assertThat(sent).containsExactlyInAnyOrder("e1", "e2");
    }

    @Test
    void aRetryableFailureWaitsTheBackOffThenGoesAgain() {
        insert("a", entry("e1", "points"));
        behaviour.put("e1", entry -> Mono.error(new IllegalStateException("offer-service answered 503")));
        OutboxRelay relay = relay(props());

        relay.relayDue().block();
        OutboxEntry waiting = stored("a", "e1");
        assertThat(waiting.state()).isEqualTo(OutboxEntry.State.PENDING);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(2));
        assertThat(waiting.lastError()).contains("503");

        relay.relayDue().block(); // not due yet
        assertThat(sent).containsExactly("e1");

        behaviour.remove("e1");
        clock.advance(Duration.ofSeconds(2));
        relay.relayDue().block();
        assertThat(sent).containsExactly("e1", "e1");
        assertThat(stored("a", "e1").state()).isEqualTo(OutboxEntry.State.DONE);
        assertThat(stored("a", "e1").lastError()).isNull();
    }

    @Test
    void aPermanentRefusalFailsTheEntryForGood() {
        insert("a", entry("e1", "points"));
        behaviour.put("e1", entry -> Mono.just(OutboxResult.ofStatus("offer-service", 409)));
        OutboxRelay relay = relay(props());

        relay.relayDue().block();
        clock.advance(Duration.ofHours(1));
        relay.relayDue().block();

        assertThat(sent).containsExactly("e1");
        OutboxEntry failed = stored("a", "e1");
        assertThat(failed.state()).isEqualTo(OutboxEntry.State.FAILED);
        assertThat(failed.lastError()).contains("409");
    }

    @Test
    void aSkippedEntryIsNeverSentAgain() {
        insert("a", entry("e1", "points"));
        behaviour.put("e1", entry -> Mono.just(OutboxResult.skipped("not the first")));
        OutboxRelay relay = relay(props());

        relay.relayDue().block();
        clock.advance(Duration.ofHours(1));
        relay.relayDue().block();

        assertThat(sent).containsExactly("e1");
        assertThat(stored("a", "e1").state()).isEqualTo(OutboxEntry.State.SKIPPED);
    }

    @Test
    void anOrderedEntryWaitsForTheEarlierOneWhileUnorderedEntriesGo() {
        insert("a", entry("present", "fact"), entry("absent", "fact"), entry("points", "points"));
        behaviour.put("present", entry -> Mono.just(OutboxResult.retry("offer-service answered 503")));
        OutboxRelay relay = relay(props());

        relay.relayDue().block();
        assertThat(sent).containsExactly("present", "points");
        clock.advance(Duration.ofSeconds(1));
        relay.relayDue().block(); // "present" is waiting out its back-off: "absent" must not overtake it
        assertThat(sent).containsExactly("present", "points");

        behaviour.remove("present");
        clock.advance(Duration.ofSeconds(1));
        relay.relayDue().block();
        assertThat(sent).containsExactly("present", "points", "present", "absent");
        assertThat(stored("a", "absent").state()).isEqualTo(OutboxEntry.State.DONE);
    }

    @Test
    void twoRelaysSweepingAtOnceSendEachEntryOnce() {
        List<OutboxEntry> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(entry("e" + i, "points"));
        }
        insert("a", many.subList(0, 15).toArray(OutboxEntry[]::new));
        insert("b", many.subList(15, 30).toArray(OutboxEntry[]::new));
        behaviour.put("*", entry -> Mono.delay(Duration.ofMillis(5)).thenReturn(OutboxResult.done()));
        OutboxRelay one = relay(props());
        OutboxRelay other = relay(props());

        Mono.zip(one.relayDue(), other.relayDue(), one.relayDue()).block(Duration.ofSeconds(30));

        assertThat(sent).hasSize(30).doesNotHaveDuplicates();
    }

    @Test
    void aClaimedEntryIsLeftAloneUntilItsLeaseEnds() {
        insert("a", entry("e1", "points"));
        OutboxRelay relay = relay(props());
        // Another instance claimed it and died mid-call: the lease moved nextAttemptAt forward.
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is("a")),
                        new Update()
                                .set("outbox.0.nextAttemptAt", clock.instant().plusSeconds(10)),
                        COLLECTION)
                .block();

        relay.relayDue().block();
        assertThat(sent).isEmpty();

        clock.advance(Duration.ofSeconds(10));
        relay.relayDue().block();
        assertThat(sent).containsExactly("e1");
    }

    @Test
    void aKickDeliversPromptlyWithoutWaitingForTheSweep() throws InterruptedException {
        OutboxEntry fresh = entry("e1", "points");
        insert("a", fresh);
        OutboxRelay relay = relay(new OutboxProperties(
                true, Duration.ofHours(1), null, null, null, null, null, null, null, Duration.ofHours(1)));
        relay.start();
        try {
            relay.kick(COLLECTION, "a");
            for (int i = 0; i < 100 && stored("a", "e1").state() != OutboxEntry.State.DONE; i++) {
                Thread.sleep(50);
            }
            assertThat(stored("a", "e1").state()).isEqualTo(OutboxEntry.State.DONE);
            assertThat(sent).containsExactly("e1");
        } finally {
            relay.stop();
        }
    }

    @Test
    void aKickWithTheEntriesJustWrittenDeliversThemAndNeverResendsOneDeliveredMeanwhile() throws InterruptedException {
        OutboxEntry points = entry("e1", "points");
        OutboxEntry fact = entry("e2", "fact");
        insert("a", points, fact);
        insert("b", entry("e3", "points"));
        OutboxRelay relay = relay(new OutboxProperties(
                true, Duration.ofHours(1), null, null, null, null, null, null, null, Duration.ofHours(1)));
        relay.start();
        try {
            relay.kick(COLLECTION, "a", List.of(points, fact));
            // e3 goes out through a sweep before its kick arrives: the kick's claim no longer matches.
            assertThat(relay.relay(COLLECTION, "b").block()).isEqualTo(1);
            relay.kick(COLLECTION, "b", List.of(entry("e3", "points")));
            for (int i = 0;
                    i < 100
                            && (stored("a", "e1").state() != OutboxEntry.State.DONE
                                    || stored("a", "e2").state() != OutboxEntry.State.DONE);
                    i++) {
                Thread.sleep(50);
            }
            Thread.sleep(200);
            assertThat(stored("a", "e1").state()).isEqualTo(OutboxEntry.State.DONE);
            assertThat(stored("a", "e2").state()).isEqualTo(OutboxEntry.State.DONE);
            assertThat(sent).containsExactlyInAnyOrder("e1", "e2", "e3");
            assertThat(stored("b", "e3").attempts()).isEqualTo(1);
        } finally {
            relay.stop();
        }
    }

    @Test
    void aDocumentsDueEntriesAreClaimedInOneWriteAndSettledInAnother() {
        insert("a", entry("e1", "points"), entry("e2", "fact"), entry("e3", "points"));
        List<String> writes = new CopyOnWriteArrayList<>();
        CommandListener recorder = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                if (!event.getCommandName().equals("find")) {
                    writes.add(event.getCommandName());
                }
            }
        };
        try (MongoClient counted = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(EmbeddedMongo.uri("outbox-relay-test")))
                .addCommandListener(recorder)
                .build())) {
            OutboxRelay relay = new OutboxRelay(
                    new ReactiveMongoTemplate(counted, "outbox-relay-test"),
                    List.of(new OutboxSource(COLLECTION)),
                    List.of(handler("points", false), handler("fact", true)),
                    props(),
                    clock,
                    meters);

            assertThat(relay.relay(COLLECTION, "a").block()).isEqualTo(3);
        }

        assertThat(writes).as("one claim, one settle").containsExactly("update", "update");
        assertThat(sent).containsExactly("e1", "e2", "e3");
        for (String key : List.of("e1", "e2", "e3")) {
            assertThat(stored("a", key).state()).isEqualTo(OutboxEntry.State.DONE);
            assertThat(stored("a", key).attempts()).isEqualTo(1);
        }
    }

    @Test
    void aDocumentsUnorderedEntriesGoSideBySideWhileItsOrderedOnesGoInTurn() {
        insert("a", entry("o1", "fact"), entry("u1", "points"), entry("o2", "fact"), entry("u2", "points"));
        InFlight all = new InFlight();
        InFlight ordered = new InFlight();
        behaviour.put("*", entry -> {
            InFlight kind = entry.kind().equals("fact") ? ordered : null;
            // Counted out before the answer travels on, which may start the next ordered call at once.
            return Mono.delay(Duration.ofMillis(100))
                    .doOnNext(ended -> all.end(kind))
                    .thenReturn(OutboxResult.done())
                    .doOnSubscribe(started -> all.start(kind));
        });
        OutboxRelay relay = relay(props());

        assertThat(relay.relay(COLLECTION, "a").block()).isEqualTo(4);

        assertThat(all.most()).as("o1, u1 and u2 at once; o2 after o1").isEqualTo(3);
        assertThat(ordered.most()).as("the ordered ones one after the other").isEqualTo(1);
        assertThat(sent.indexOf("o2")).isGreaterThan(sent.indexOf("u2"));
        for (String key : List.of("o1", "u1", "o2", "u2")) {
            assertThat(stored("a", key).state()).isEqualTo(OutboxEntry.State.DONE);
            assertThat(stored("a", key).attempts()).isEqualTo(1);
        }
    }

    @Test
    void inABatchAnOrderedEntryBehindOneThatMustWaitIsHandedBackUncounted() {
        behaviour.put("e1", entry -> Mono.just(OutboxResult.retry("member-service is down")));
        insert("a", entry("e1", "fact"), entry("e2", "points"), entry("e3", "fact"));
        OutboxRelay relay = relay(props());

        assertThat(relay.relay(COLLECTION, "a").block()).isEqualTo(1);

        assertThat(sent).containsExactly("e1", "e2");
        assertThat(stored("a", "e1").state()).isEqualTo(OutboxEntry.State.PENDING);
        assertThat(stored("a", "e1").nextAttemptAt()).isAfter(clock.instant());
        assertThat(stored("a", "e2").state()).isEqualTo(OutboxEntry.State.DONE);
        OutboxEntry held = stored("a", "e3");
        assertThat(held.state()).isEqualTo(OutboxEntry.State.PENDING);
        assertThat(held.attempts()).isZero();
        assertThat(held.nextAttemptAt()).isEqualTo(clock.instant());
    }

    @Test
    void theGaugesCountPendingEntriesAndTheOldestAge() {
        insert("a", entry("e1", "points"), entry("e2", "points"));
        behaviour.put("*", entry -> Mono.just(OutboxResult.retry("down")));
        OutboxRelay relay = relay(props());
        relay.relayDue().block();
        clock.advance(Duration.ofSeconds(90));

        relay.measure().block();

        assertThat(meters.get("quanzi.outbox.pending")
                        .tag("collection", COLLECTION)
                        .gauge()
                        .value())
                .isEqualTo(2);
        assertThat(meters.get("quanzi.outbox.oldest.age")
                        .tag("collection", COLLECTION)
                        .gauge()
                        .value())
                .isEqualTo(90);
        assertThat(meters.get("quanzi.outbox.deliveries")
                        .tag("outcome", "RETRY")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void theBackOffDoublesUpToItsLimit() {
        OutboxProperties properties = new OutboxProperties(
                null, null, Duration.ofSeconds(2), Duration.ofSeconds(30), null, null, null, null, null, null);
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(properties.backoff(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.backoff(500)).isEqualTo(Duration.ofSeconds(30));
    }

    private OutboxProperties props() {
        return new OutboxProperties(
                false, null, Duration.ofSeconds(2), Duration.ofMinutes(5), null, null, null, null, null, null);
    }

    private OutboxRelay relay(OutboxProperties properties) {
        return new OutboxRelay(
                mongo,
                List.of(new OutboxSource(COLLECTION)),
                List.of(handler("points", false), handler("fact", true)),
                properties,
                clock,
                meters);
    }

    private OutboxHandler handler(String kind, boolean ordered) {
        return new OutboxHandler() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public boolean ordered() {
                return ordered;
            }

            @Override
            public Mono<OutboxResult> deliver(OutboxEntry entry) {
                sent.add(entry.key());
                Function<OutboxEntry, Mono<OutboxResult>> how = behaviour.getOrDefault(entry.key(), behaviour.get("*"));
                return how == null ? Mono.just(OutboxResult.done()) : how.apply(entry);
            }
        };
    }

    private OutboxEntry entry(String id, String kind) {
        return OutboxEntry.of(id, kind, Map.of("memberId", "m1"), clock.instant());
    }

    private void insert(String id, OutboxEntry... entries) {
        Document document = new Document("_id", id);
        mongo.insert(document, COLLECTION).block();
        for (OutboxEntry entry : entries) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().push("outbox", entry), COLLECTION)
                    .block();
        }
    }

    private OutboxEntry stored(String id, String entryId) {
        Document document = mongo.findById(id, Document.class, COLLECTION).block();
        return document.getList("outbox", Document.class).stream()
                .map(entry -> mongo.getConverter().read(OutboxEntry.class, entry))
                .filter(entry -> entry.key().equals(entryId))
                .findFirst()
                .orElseThrow();
    }

    /** Calls in flight at once, and the most there were. */
    private static final class InFlight {
        private int now;
        private int most;

        synchronized void start(InFlight alsoIn) {
            most = Math.max(most, ++now);
            if (alsoIn != null) {
                alsoIn.start(null);
            }
        }

        synchronized void end(InFlight alsoIn) {
            now--;
            if (alsoIn != null) {
                alsoIn.end(null);
            }
        }

        synchronized int most() {
            return most;
        }
    }

    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
