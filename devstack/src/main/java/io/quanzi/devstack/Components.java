package io.quanzi.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** How each process of the stack is started: the real Keycloak and the four Spring Boot apps. */
final class Components {

    static final String KEYCLOAK_ADMIN = "admin";
    static final String KEYCLOAK_ADMIN_PASSWORD = "admin";

    private Components() {}

    /**
     * Keycloak in dev mode from the Maven Central distribution, the realm file imported at start.
     * Its database lives under the data folder; when the realm file changes, that database is
     * reset, because Keycloak never re-imports a realm that already exists.
     */
    static ManagedProcess keycloak(StackSettings settings, Progress progress) throws IOException {
        Path script = settings.keycloakHome().resolve("bin/kc.sh");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("Keycloak is not unpacked at " + settings.keycloakHome()
                    + ": build first (./mvnw -DskipTests package)");
        }
        Path importDir = Files.createDirectories(settings.keycloakHome().resolve("data/import"));
        Files.copy(settings.realmFile(), importDir.resolve("quanzi-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        Path database = settings.dataDir().resolve("keycloak");
        resetWhenRealmChanged(settings, database, progress);
        List<String> command = List.of(
                script.toString(),
                "start-dev",
                "--import-realm",
                "--http-port=" + settings.ports().keycloak(),
                "--db-url=jdbc:h2:file:" + database.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE",
                "--log-level=WARN,org.keycloak.services:INFO,io.quarkus:INFO");
        Map<String, String> environment = Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", KEYCLOAK_ADMIN,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", KEYCLOAK_ADMIN_PASSWORD,
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m");
        URI health = URI.create(settings.issuer() + "/.well-known/openid-configuration");
        return new ManagedProcess(
                "keycloak", command, environment, health, settings.logDir().resolve("keycloak.log"));
    }

    /** A Spring Boot app from its built jar, pointed at the embedded MongoDB and Keycloak. */
    static ManagedProcess app(StackSettings settings, App app, EmbeddedMongo mongo) {
        Path jar = settings.home().resolve(app.module()).resolve("target").resolve(app.module() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        // Both JIT tiers: with C1 alone (-XX:TieredStopAtLevel=1, the former setting) the apps started a little
        // faster but served a flash drop several times slower — the RSA checks of every token run without the
        // JDK's BigInteger intrinsics, which only C2 has (see docs/benchmarks.md).
        List<String> command = new ArrayList<>(
                List.of(javaBinary(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        command.add("--server.port=" + app.port(settings.ports()));
        settings.appProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("KEYCLOAK_ISSUER", settings.issuer());
        if (app.database() != null) {
            environment.put("MONGODB_URI", mongo.uri(app.database()));
        }
        StackSettings.Ports ports = settings.ports();
        environment.put("MEMBER_SERVICE_URL", "http://127.0.0.1:" + ports.member());
        environment.put("COMMUNITY_SERVICE_URL", "http://127.0.0.1:" + ports.community());
        environment.put("OFFER_SERVICE_URL", "http://127.0.0.1:" + ports.offer());
        URI health = URI.create("http://127.0.0.1:" + app.port(ports) + "/actuator/health/readiness");
        return new ManagedProcess(
                app.module(), command, environment, health, settings.logDir().resolve(app.module() + ".log"));
    }

    private static void resetWhenRealmChanged(StackSettings settings, Path database, Progress progress)
            throws IOException {
        Path marker = database.resolve("realm.sha256");
        String current = sha256(settings.realmFile());
        boolean stale = Files.exists(database)
                && (!Files.exists(marker) || !Files.readString(marker).equals(current));
        if (settings.freshKeycloak() || stale) {
            if (stale && !settings.freshKeycloak()) {
                progress.step("keycloak", "realm file changed: resetting Keycloak's dev database to re-import it");
            }
            deleteRecursively(database);
        }
        Files.createDirectories(database);
        Files.writeString(marker, current);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The four apps, in the order they are reported. */
    enum App {
        MEMBER("member-service", "quanzi-member"),
        COMMUNITY("community-service", "quanzi-community"),
        OFFER("offer-service", "quanzi-offer"),
        GATEWAY("gateway", null);

        private final String module;
        private final String database;

        App(String module, String database) {
            this.module = module;
            this.database = database;
        }

        String module() {
            return module;
        }

        String database() {
            return database;
        }

        int port(StackSettings.Ports ports) {
            return switch (this) {
                case MEMBER -> ports.member();
                case COMMUNITY -> ports.community();
                case OFFER -> ports.offer();
                case GATEWAY -> ports.gateway();
            };
        }
    }
}
