package io.quanzi.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The embedded MongoDB-wire server (in-memory backend) for service tests: one per test JVM, on a
 * free port, shared by every Spring test context. Each test class names its own database.
 */
public final class EmbeddedMongo {

    private static MongoServer server;

    private EmbeddedMongo() {}

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
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
