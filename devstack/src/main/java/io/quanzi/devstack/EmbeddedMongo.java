package io.quanzi.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The MongoDB-wire server of the embedded default, inside the devstack process. With H2 files the
 * data survives a restart, and every write is committed before it is acknowledged, so a hard kill loses
 * nothing a service was told was stored ({@link CommittingH2Backend}).
 */
final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final H2Backend persistent;

    private EmbeddedMongo(MongoServer server, H2Backend persistent) {
        this.server = server;
        this.persistent = persistent;
    }

    /**
     * One boss and one worker thread: mongo-java-server takes no lock around a collection, so only a single worker
     * makes each command atomic against the others (conditional single-document updates are what the services'
     * invariants rest on, as on real MongoDB) and keeps a reply from being encoded while another thread changes it.
     */
    private static void bindOneWorker(MongoServer server, int port) {
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, 1);
    }

    static EmbeddedMongo start(int port, Path dataDir, boolean persistent) throws IOException {
        if (!persistent) {
            MongoServer server = new MongoServer(new IndexedMemoryBackend());
            bindOneWorker(server, port);
            return new EmbeddedMongo(server, null);
        }
        Files.createDirectories(dataDir);
        H2Backend backend = new CommittingH2Backend(dataDir.resolve("mongo.mv").toString());
        MongoServer server = new MongoServer((MongoBackend) backend);
        try {
            bindOneWorker(server, port);
        } catch (RuntimeException portTaken) {
            backend.close();
            throw portTaken;
        }
        return new EmbeddedMongo(server, backend);
    }

    int port() {
        return server.getLocalAddress().getPort();
    }

    String uri(String database) {
        return "mongodb://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() {
        server.shutdownNow();
        if (persistent != null) {
            persistent.commit();
            persistent.close();
        }
    }
}
