package io.quanzi.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.bson.Document;

/**
 * The database's own speed, on the same embedded server the stack uses, in a database of its own: the bench's
 * baselines. Each runs a fixed number of operations from {@link #CONCURRENCY} client threads.
 */
final class Raw implements AutoCloseable {

    static final int CONCURRENCY = 64;

    private final MongoClient client;
    private final MongoDatabase db;

    Raw(String uri) {
        this.client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(uri))
                .applyToConnectionPoolSettings(pool -> pool.maxSize(CONCURRENCY))
                .build());
        this.db = client.getDatabase("quanzi-bench-raw");
    }

    MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    /** Conditional updates on 8 stock-bucket documents, as a flash drop takes units: {@code remaining > 0}, $inc -1. */
    Samples.Figures conditionalUpdates(String name, int ops) {
        MongoCollection<Document> buckets = db.getCollection("buckets");
        buckets.drop();
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            docs.add(new Document("_id", i).append("remaining", ops));
        }
        buckets.insertMany(docs);
        return run(
                name,
                ops,
                i -> buckets.findOneAndUpdate(
                        Filters.and(
                                Filters.eq("_id", ThreadLocalRandom.current().nextInt(8)), Filters.gt("remaining", 0)),
                        Updates.inc("remaining", -1)));
    }

    /** Inserts under a unique (eventId, memberId) index, as check-ins are recorded. */
    Samples.Figures uniqueInserts(String name, int ops) {
        MongoCollection<Document> checkins = db.getCollection("checkins");
        checkins.drop();
        checkins.createIndex(Indexes.ascending("eventId", "memberId"), new IndexOptions().unique(true));
        String event = "e" + System.nanoTime();
        return run(
                name,
                ops,
                i -> checkins.insertOne(new Document("eventId", event)
                        .append("memberId", "m" + i)
                        .append("at", new java.util.Date())));
    }

    /** Plain inserts of ledger-sized documents with a unique key, as points entries are written. */
    Samples.Figures inserts(String name, int ops) {
        MongoCollection<Document> entries = db.getCollection("entries");
        entries.drop();
        entries.createIndex(Indexes.ascending("brandId", "key"), new IndexOptions().unique(true));
        String run = Long.toString(System.nanoTime(), 36);
        return run(
                name,
                ops,
                i -> entries.insertOne(new Document("brandId", "bench")
                        .append("key", run + ":" + i)
                        .append("memberId", "m" + (i % 1000))
                        .append("points", 10)
                        .append("state", "APPLIED")
                        .append("at", new java.util.Date())));
    }

    /** {@code findOne} by id of a profile-sized document, as {@code GET /api/members/me} reads one. */
    Samples.Figures findById(String name, int ops) {
        MongoCollection<Document> profiles = db.getCollection("profiles");
        profiles.drop();
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            docs.add(new Document("_id", "p" + i)
                    .append("subject", "s" + i)
                    .append("displayName", "Bench member " + i)
                    .append("locale", "en")
                    .append("createdAt", new java.util.Date()));
        }
        profiles.insertMany(docs);
        return run(name, ops, i -> profiles.find(Filters.eq("_id", "p" + (i % 1000)))
                .first());
    }

    private Samples.Figures run(String name, int ops, IntConsumer op) {
        Samples samples = new Samples();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < CONCURRENCY; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < ops; i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        int status = 200;
                        try {
                            op.accept(i);
                        } catch (RuntimeException failed) {
                            status = -1;
                        }
                        samples.record(start, System.nanoTime(), status);
                    }
                }));
            }
            for (java.util.concurrent.Future<?> worker : workers) {
                worker.get();
            }
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        } finally {
            pool.shutdownNow();
        }
        Samples.Figures figures = samples.figures(name);
        System.out.println("  " + figures.line());
        return figures;
    }

    @Override
    public void close() {
        client.close();
    }
}
