package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the dev stack's embedded MongoDB while services write to it: after a restart on the same files,
 * every write that was acknowledged is still there.
 */
class EmbeddedMongoCrashIT {

    @Test
    void everyAcknowledgedWriteSurvivesAHardKill() throws Exception {
        Path dir = Files.createTempDirectory("quanzi-mongo-crash-");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Set<Integer> inserted = ConcurrentHashMap.newKeySet();
        Set<Integer> counted = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();

        Process mongo = start(port, dir);
        try (MongoClient client = client(port)) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            MongoCollection<Document> counter = client.getDatabase("crash").getCollection("counter");
            counter.insertOne(new Document("_id", "c").append("n", 0));
            ExecutorService writers = Executors.newFixedThreadPool(8);
            for (int w = 0; w < 8; w++) {
                writers.submit(() -> {
                    while (!killed.get()) {
                        int id = next.getAndIncrement();
                        try {
                            docs.insertOne(new Document("_id", id).append("payload", "x".repeat(200)));
                            inserted.add(id);
                            counter.updateOne(Filters.eq("_id", "c"), Updates.inc("n", 1));
                            counted.add(id);
                        } catch (RuntimeException gone) {
                            return;
                        }
                    }
                });
            }
            // Kill in the middle of the stream, not at a quiet moment.
            while (inserted.size() < 1_500) {
                Thread.sleep(5);
            }
            mongo.destroyForcibly();
            killed.set(true);
            mongo.waitFor(10, TimeUnit.SECONDS);
            writers.shutdownNow();
            writers.awaitTermination(20, TimeUnit.SECONDS);
        } finally {
            mongo.destroyForcibly();
        }

        Process restarted = start(port, dir);
        try (MongoClient client = client(port)) {
            MongoCollection<Document> docs = client.getDatabase("crash").getCollection("docs");
            List<Integer> missing = inserted.stream()
                    .filter(id -> docs.countDocuments(Filters.eq("_id", id)) == 0)
                    .sorted()
                    .toList();
            assertThat(missing)
                    .as("acknowledged inserts lost by the kill (of %d)", inserted.size())
                    .isEmpty();
            int n = client.getDatabase("crash")
                    .getCollection("counter")
                    .find(Filters.eq("_id", "c"))
                    .first()
                    .getInteger("n");
            assertThat(n).as("acknowledged $inc updates kept").isGreaterThanOrEqualTo(counted.size());
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process start(int port, Path dir) throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashableMongo.class.getName(),
                        Integer.toString(port),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.equals("ready")) {
            // slf4j start-up lines
        }
        assertThat(line).as("the embedded MongoDB process started").isEqualTo("ready");
        // Keep draining its output so it never blocks on a full pipe.
        Thread drain = new Thread(() -> output.lines().forEach(ignored -> {}));
        drain.setDaemon(true);
        drain.start();
        return process;
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.readTimeout(5, TimeUnit.SECONDS))
                .build());
    }
}
