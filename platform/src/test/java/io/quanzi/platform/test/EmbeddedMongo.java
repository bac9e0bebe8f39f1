package io.quanzi.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The embedded MongoDB-wire server (in-memory backend) for service tests: one per test JVM, on a
 * free port, shared by every Spring test context. Each test class names its own database.
 *
 * <p>It runs every command on <em>one</em> worker thread. mongo-java-server takes no lock around a
 * collection: with its default pool of worker threads, two connections' conditional updates of one
 * document can interleave (so single-document atomicity, which the services' invariants rest on as
 * they do on real MongoDB, would not hold), and a reply can be encoded while another thread changes
 * the document it contains ({@code ConcurrentModificationException}, then a failed connection). One
 * worker makes each command atomic, as real MongoDB's single-document operations are.
 */
public final class EmbeddedMongo {

    private static MongoServer server;

    private EmbeddedMongo() {}

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return uri(server.getLocalAddress(), database);
    }

    /** Points {@code spring.mongodb.uri} of the test context at the embedded server. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.mongodb.uri", () -> uri(database));
    }

    private static String uri(InetSocketAddress address, String database) {
        return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
    }
}
