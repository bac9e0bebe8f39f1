package io.quanzi.devstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak's dev database as it is right after the realm import, made once by the build and copied into every fresh
 * data folder. A fresh Keycloak otherwise creates its schema, the master realm and the imported realm on each first
 * start: about half the CPU of its start, on the path every other component waits for. The seed belongs to one realm
 * file as this stack imports it (the gateway's port is in the redirect URIs) and to the unpacked distribution it lives
 * in, so a changed realm, another gateway port or another Keycloak version simply finds no seed and starts as before.
 * All stacks seeded from it share the realm's signing keys: it is a dev realm.
 */
final class KeycloakSeed {

    private static final Duration LIMIT = Duration.ofMinutes(5);

    private KeycloakSeed() {}

    /** The seed of the realm that hashes to {@code realmSha256}, in the distribution's folder. */
    static Path folder(StackSettings settings, String realmSha256) {
        return settings.keycloakHome().resolve("quanzi-seed").resolve(realmSha256);
    }

    /** Copies the seed into an empty database folder; false when there is no seed or the database exists. */
    static boolean copyInto(StackSettings settings, String realmSha256, Path database) throws IOException {
        Path seed = folder(settings, realmSha256);
        if (!Files.isDirectory(seed) || hasDatabase(database)) {
            return false;
        }
        try (Stream<Path> files = Files.list(seed)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, database.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return true;
    }

    private static boolean hasDatabase(Path database) throws IOException {
        try (Stream<Path> files = Files.list(database)) {
            return files.anyMatch(file -> file.getFileName().toString().startsWith("keycloakdb"));
        }
    }

    /**
     * Makes the seed for the stack of this environment (its gateway port) unless it exists: starts Keycloak on a free
     * port and an empty database, waits until the realm is served, stops it, and keeps the database. Run by the
     * devstack module's build ({@code keycloak-seed}).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        StackSettings stack = StackSettings.fromEnvironment(StackSettings.systemLookup());
        String realmSha256 = Components.sha256(Components.realmForGateway(
                Files.readString(stack.realmFile()), stack.ports().gateway()));
        Path seed = folder(stack, realmSha256);
        Progress progress = new Progress(System.out);
        if (Files.isDirectory(seed)) {
            progress.step("keycloak", "seed database up to date (" + seed + ")");
            return;
        }
        Path scratch = Files.createTempDirectory("quanzi-keycloak-seed");
        StackSettings.Ports ports = stack.ports();
        StackSettings seeding = new StackSettings(
                stack.home(),
                scratch,
                stack.keycloakHome(),
                new StackSettings.Ports(
                        ports.gateway(), freePort(), ports.member(), ports.community(), ports.offer(), ports.mongo()),
                false,
                true,
                Map.of());
        ManagedProcess keycloak = Components.keycloak(seeding, progress);
        progress.step("keycloak", "making the seed database for gateway port " + ports.gateway());
        keycloak.start(stack.home());
        try {
            keycloak.awaitHealthy(Instant.now().plus(LIMIT));
        } finally {
            keycloak.stop(Duration.ofSeconds(30));
        }
        Path made = scratch.resolve("keycloak");
        Path partial = Files.createDirectories(seed.resolveSibling(realmSha256 + ".partial"));
        try (Stream<Path> files = Files.list(made)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (file.getFileName().toString().startsWith("keycloakdb")) {
                    Files.copy(
                            file, partial.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.move(partial, seed, StandardCopyOption.ATOMIC_MOVE);
        Components.deleteRecursively(scratch);
        progress.step("keycloak", "seed database ready (" + seed + ")");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
