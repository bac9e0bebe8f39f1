package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

/**
 * The embedded server's indexes ({@link PinnedKeys}, {@link UniqueKeyLookup}, {@link SecondaryIndex}) change how
 * documents are found, never which: every query answers the same as on the library's own backend, which scans.
 */
class EmbeddedIndexesTest {

    private static final List<Bson> QUERIES = List.of(
            Filters.eq("a", 3),
            Filters.eq("a", 3.0),
            Filters.and(Filters.eq("a", 4), Filters.eq("b", "b1")),
            Filters.and(Filters.eq("a", 4), Filters.eq("b", "b1"), Filters.gt("n", 10)),
            Filters.in("a", 1, 2),
            Filters.and(Filters.in("a", 5, 6), Filters.lt("n", 40)),
            Filters.and(Filters.eq("_id", 17), Filters.gt("n", 0)),
            Filters.and(Filters.in("_id", 3, 4, 5, 400), Filters.exists("gone", false)),
            Filters.and(Filters.eq("code", "c21"), Filters.eq("a", 1)),
            Filters.eq("tags", "t2"),
            Filters.and(Filters.eq("tags", "t1"), Filters.eq("a", 0)),
            Filters.eq("opt", 1),
            Filters.eq("opt", null),
            Filters.eq("nested.x", 2),
            Filters.and(Filters.eq("a", 2), Filters.or(Filters.eq("b", "b0"), Filters.gt("n", 50))),
            Filters.regex("b", "^b1"),
            Filters.eq("entries.state", "PENDING"),
            // A compound index read by its first keys, the rest matched: (n, a) by n; (brand, b, n) by brand and b.
            Filters.and(Filters.eq("n", 42), Filters.lt("a", 5)),
            Filters.and(Filters.in("n", 1, 2, 3, 42), Filters.gt("a", 2)),
            Filters.and(Filters.eq("brand", "x"), Filters.eq("b", "b2"), Filters.gte("n", 50)),
            Filters.and(Filters.eq("brand", "x"), Filters.lt("n", 5)),
            // (b, tags) by b: the documents whose tags are an empty array are found too (stock buckets with no
            // claim holding a unit, by offer id).
            Filters.eq("b", "b1"),
            Filters.and(Filters.eq("b", "b2"), Filters.gt("n", 10)),
            // The outbox sweep's query: the state set to a value for the index, the element matched as a whole.
            Filters.and(
                    Filters.eq("entries.state", "PENDING"),
                    Filters.elemMatch("entries", Filters.and(Filters.eq("state", "PENDING"), Filters.lte("due", 50)))),
            Filters.eq("a", 99));

    @Test
    void indexedMemoryBackendAnswersAsTheLibrarysOwn() {
        compareWith(new IndexedMemoryBackend());
    }

    @Test
    void indexedH2BackendAnswersAsTheLibrarysOwn() throws Exception {
        Path dir = Files.createTempDirectory("quanzi-indexes-");
        CommittingH2Backend backend =
                new CommittingH2Backend(dir.resolve("mongo.mv").toString());
        try {
            compareWith(backend);
        } finally {
            backend.close();
        }
    }

    @Test
    void indexesAreRebuiltWhenTheH2FileIsOpenedAgain() throws Exception {
        Path file = Files.createTempDirectory("quanzi-indexes-").resolve("mongo.mv");
        withServer(new CommittingH2Backend(file.toString()), docs -> {
            docs.createIndex(Indexes.ascending("a"));
            docs.insertMany(documents());
        });
        withServer(new CommittingH2Backend(file.toString()), docs -> {
            assertThat(ids(docs.find(Filters.eq("a", 3)))).hasSize(20);
            docs.updateMany(Filters.eq("a", 3), Updates.set("a", 30));
            assertThat(ids(docs.find(Filters.eq("a", 3)))).isEmpty();
            assertThat(ids(docs.find(Filters.eq("a", 30)))).hasSize(20);
        });
    }

    @Test
    void anIndexCreatedOverExistingDocumentsFindsThem() throws Exception {
        Path file = Files.createTempDirectory("quanzi-indexes-").resolve("mongo.mv");
        withServer(new CommittingH2Backend(file.toString()), docs -> {
            docs.insertMany(documents());
            docs.createIndex(Indexes.ascending("entries.state"));
            assertThat(ids(docs.find(Filters.eq("entries.state", "PENDING"))))
                    .as("documents 0, 3, 4, 6, 8, 9, 12... have a pending entry")
                    .hasSize(100);
        });
    }

    @Test
    void aCompoundIndexIsReadByItsFirstKeysOnlyWhenTheyNarrowTheSearch() {
        SecondaryIndex<Object> index = new SecondaryIndex<>(
                "brand_state", List.of(new IndexKey("brand", true), new IndexKey("state", true)), false);
        for (int i = 0; i < 10; i++) {
            index.add(
                    new de.bwaldvogel.mongo.bson.Document("_id", i)
                            .append("brand", "x")
                            .append("state", i < 2 ? "PENDING" : "DONE"),
                    i,
                    null);
        }
        var pending = new de.bwaldvogel.mongo.bson.Document("brand", "x").append("state", "PENDING");
        var everyone = new de.bwaldvogel.mongo.bson.Document("brand", "x")
                .append("createdAt", new de.bwaldvogel.mongo.bson.Document("$lt", 5));
        var byState = new de.bwaldvogel.mongo.bson.Document("state", "PENDING");
        assertThat(index.canHandle(pending)).isTrue();
        assertThat(index.getPositions(pending)).containsExactly(0, 1);
        assertThat(index.canHandle(everyone))
                .as("a prefix every document shares is left to the scan (or a later index)")
                .isFalse();
        assertThat(index.canHandle(byState))
                .as("the second key alone is no prefix")
                .isFalse();
    }

    @Test
    void aGuardedWriteIsAnsweredByTheKeyItPins() {
        List<IndexKey> id = List.of(new IndexKey("_id", true));
        assertThat(PinnedKeys.of(id, new de.bwaldvogel.mongo.bson.Document("_id", 7).append("n", 1), false))
                .isEqualTo(new de.bwaldvogel.mongo.bson.Document("_id", 7));
        assertThat(PinnedKeys.of(
                        id,
                        new de.bwaldvogel.mongo.bson.Document("_id", new de.bwaldvogel.mongo.bson.Document("$gt", 7)),
                        false))
                .isNull();
        List<IndexKey> pair = List.of(new IndexKey("a", true), new IndexKey("b", true));
        assertThat(PinnedKeys.of(pair, new de.bwaldvogel.mongo.bson.Document("a", 1), false))
                .isNull();
        assertThat(PinnedKeys.of(
                        pair,
                        new de.bwaldvogel.mongo.bson.Document("a", 1)
                                .append("b", new de.bwaldvogel.mongo.bson.Document("$in", List.of(1))),
                        false))
                .as("an $in on a compound index is left to a scan")
                .isNull();
    }

    @Test
    void theOutboxSweepIsAnsweredByTheIndexOnTheEntriesState() {
        SecondaryIndex<Object> byState =
                new SecondaryIndex<>("outbox_state", List.of(new IndexKey("outbox.state", true)), false);
        de.bwaldvogel.mongo.bson.Document sweep = new de.bwaldvogel.mongo.bson.Document("outbox.state", "PENDING")
                .append(
                        "outbox",
                        new de.bwaldvogel.mongo.bson.Document(
                                "$elemMatch",
                                new de.bwaldvogel.mongo.bson.Document("state", "PENDING")
                                        .append("nextAttemptAt", new de.bwaldvogel.mongo.bson.Document("$lte", 5))));
        assertThat(byState.canHandle(sweep)).isTrue();
        de.bwaldvogel.mongo.bson.Document elementOnly =
                new de.bwaldvogel.mongo.bson.Document("outbox", sweep.get("outbox"));
        assertThat(byState.canHandle(elementOnly))
                .as("an $elemMatch alone sets no key to a value")
                .isFalse();
    }

    private static void compareWith(MongoBackend indexed) {
        List<List<List<Object>>> expected = new ArrayList<>();
        List<List<List<Object>>> actual = new ArrayList<>();
        withServer(new MemoryBackend(), docs -> expected.addAll(exercise(docs)));
        withServer(indexed, docs -> actual.addAll(exercise(docs)));
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("answers of step %d", i).isEqualTo(expected.get(i));
        }
        assertThat(expected.get(0)).as("the queries find something").isNotEmpty();
    }

    /** Indexes, documents, the queries; then updates that move documents between keys, deletes, the queries again. */
    private static List<List<List<Object>>> exercise(MongoCollection<Document> docs) {
        docs.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
        docs.createIndex(Indexes.ascending("a"));
        docs.createIndex(Indexes.ascending("a", "b"));
        docs.createIndex(Indexes.ascending("tags"));
        docs.createIndex(Indexes.ascending("opt"), new IndexOptions().sparse(true));
        docs.createIndex(Indexes.ascending("nested.x"));
        docs.createIndex(Indexes.ascending("entries.state"));
        docs.createIndex(Indexes.ascending("n", "a"));
        docs.createIndex(Indexes.ascending("brand", "b", "n"));
        docs.createIndex(Indexes.ascending("b", "tags"));
        docs.insertMany(documents());
        List<List<List<Object>>> answers = new ArrayList<>();
        answers.add(answer(docs));
        docs.updateMany(Filters.eq("a", 3), Updates.set("a", 4));
        docs.updateOne(Filters.and(Filters.eq("_id", 17), Filters.gt("n", 0)), Updates.set("tags", List.of("t2")));
        docs.findOneAndUpdate(Filters.and(Filters.eq("_id", 40), Filters.eq("a", 0)), Updates.unset("opt"));
        docs.updateMany(Filters.eq("a", 7), Updates.set("entries.0.state", "DONE"));
        docs.updateOne(
                Filters.eq("_id", 12), Updates.push("entries", new Document("state", "PENDING").append("due", 1)));
        docs.deleteMany(Filters.eq("a", 5));
        docs.deleteOne(Filters.and(Filters.eq("_id", 61), Filters.eq("code", "c61")));
        docs.updateOne(
                Filters.and(Filters.eq("_id", 500), Filters.exists("gone", false)),
                Updates.set("a", 1),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
        answers.add(answer(docs));
        return answers;
    }

    private static List<List<Object>> answer(MongoCollection<Document> docs) {
        List<List<Object>> answers = new ArrayList<>();
        for (Bson query : QUERIES) {
            answers.add(ids(docs.find(query).sort(Sorts.ascending("_id"))));
            answers.add(List.of(docs.countDocuments(query)));
        }
        answers.add(
                ids(docs.find(Filters.eq("a", 4)).sort(Sorts.descending("n")).limit(3)));
        return answers;
    }

    private static List<Document> documents() {
        Random random = new Random(42);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Document doc = new Document("_id", i)
                    .append("code", "c" + i)
                    .append("brand", "x")
                    .append("a", i % 10)
                    .append("b", "b" + (i % 3))
                    .append("n", random.nextInt(100))
                    .append("tags", i % 5 == 0 ? List.of() : List.of("t" + (i % 4), "t" + (i % 5)))
                    .append("nested", new Document("x", i % 7))
                    .append(
                            "entries",
                            List.of(
                                    new Document("state", i % 3 == 0 ? "PENDING" : "DONE").append("due", i % 100),
                                    new Document("state", i % 4 == 0 ? "PENDING" : "SKIPPED")
                                            .append("due", (i * 7) % 100)));
            if (i % 2 == 0) {
                doc.append("opt", i % 3);
            }
            documents.add(doc);
        }
        return documents;
    }

    private static List<Object> ids(Iterable<Document> found) {
        List<Object> ids = new ArrayList<>();
        found.forEach(doc -> ids.add(doc.get("_id")));
        ids.sort((x, y) -> Integer.compare(((Number) x).intValue(), ((Number) y).intValue()));
        return ids;
    }

    private static void withServer(MongoBackend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            use.accept(client.getDatabase("indexes").getCollection("docs"));
        } finally {
            server.shutdownNow();
        }
    }
}
