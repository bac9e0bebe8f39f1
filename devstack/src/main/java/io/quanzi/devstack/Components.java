package io.quanzi.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * glibc keeps memory a process has freed (the buffers and compiler arenas of a burst) until it is asked to give
     * it back; the JVM asks every 5 s.
     */
    static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=5000";

    /**
     * The JVM settings of the four apps: a 48 MB young generation that holds a burst's requests in flight, an old
     * generation that grows under load and shrinks after it, metaspace sized for a Spring app (no full collection for
     * it during start-up), the serial collector (one core each at most here), the first JIT tier only (see {@link
     * #app}), and native memory freed after a burst given back to the system every few seconds ({@link
     * #TRIM_NATIVE_HEAP}). With the former 64 MB heap and its 21 MB young generation, the requests of a flash drop were
     * promoted and offer-service and the gateway each made about five full collections of 0.1-0.6 s in it; the drop
     * issued 191-240 coupons instead of 315-455, for 90 MB less resident idle (docs/benchmarks.md, sixth run).
     */
    static final List<String> APP_JVM = List.of(
            "-Xms96m",
            "-Xmn48m",
            "-Xmx256m",
            "-XX:MetaspaceSize=96m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=30",
            TRIM_NATIVE_HEAP);

    /**
     * kc.sh's default JAVA_OPTS with the serial collector in place of G1, the heap bounds we had, and only the first
     * JIT tier: a dev Keycloak serves a login now and then, and its start (the long pole of the stack's) then takes
     * 14 instead of 24 s of CPU on a fresh database, 7 instead of 12 on an existing one (docs/benchmarks.md).
     */
    static final String KEYCLOAK_JAVA_OPTS = "-Xms64m -Xmx512m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m"
            + " -XX:+UseSerialGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TieredStopAtLevel=1"
            + " -XX:+ExitOnOutOfMemoryError " + TRIM_NATIVE_HEAP
            + " -Dfile.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8 -Dsun.err.encoding=UTF-8 -Dstdout.encoding=UTF-8"
            + " -Dstderr.encoding=UTF-8 -Djava.security.egd=file:/dev/urandom"
            + " -Djdk.tls.rejectClientInitiatedRenegotiation=true";

    /**
     * glibc makes up to 8 malloc arenas per core for a JVM's many threads, each holding freed memory: two are
     * plenty for these processes and keep tens of MB per process out of resident memory.
     */
    static final String MALLOC_ARENAS = "2";

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
        Path imported = importDir.resolve("quanzi-realm.json");
        Files.writeString(
                imported,
                realmForGateway(
                        Files.readString(settings.realmFile()), settings.ports().gateway()));
        installTheme(settings);
        Path database = settings.dataDir().resolve("keycloak");
        String realmSha256 = resetWhenRealmChanged(settings, imported, database, progress);
        if (KeycloakSeed.copyInto(settings, realmSha256, database)) {
            progress.step("keycloak", "fresh database from the build's seed (realm already imported)");
        }
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
                // kc.sh's own defaults, but the serial collector instead of G1 and a heap that gives memory
                // back: one realm of dev users needs far less than G1 keeps resident.
                "JAVA_OPTS", KEYCLOAK_JAVA_OPTS,
                "MALLOC_ARENA_MAX", MALLOC_ARENAS);
        URI health = URI.create(settings.issuer() + "/.well-known/openid-configuration");
        return new ManagedProcess(
                "keycloak", command, environment, health, settings.logDir().resolve("keycloak.log"));
    }

    /** Quanzi's login theme ({@code keycloak/themes/quanzi}), copied into Keycloak's themes folder. */
    private static void installTheme(StackSettings settings) throws IOException {
        Path source = settings.realmFile().getParent().resolve("themes");
        if (!Files.isDirectory(source)) {
            return;
        }
        Path target = settings.keycloakHome().resolve("themes");
        try (var files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** A Spring Boot app from its built jar, pointed at the embedded MongoDB and Keycloak. */
    static ManagedProcess app(StackSettings settings, App app, EmbeddedMongo mongo) {
        Path target = settings.home().resolve(app.module()).resolve("target");
        Path jar = target.resolve(app.module() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        // The first JIT tier only (C1, -XX:TieredStopAtLevel=1). With both tiers, C2 took a quarter to a third of an
        // app's CPU in every burst, warm-ups or not, and its code was not fast enough to pay that back here: C1 alone
        // costs 15-40 % less CPU per call in each scenario (docs/benchmarks.md, seventh run). C2 once paid for itself
        // through the BigInteger intrinsics of RSA token checks; each app now checks a token once and remembers it.
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(APP_JVM);
        command.addAll(ClassDataSharing.of(target, app.module())
                .map(ClassDataSharing::launch)
                .orElse(List.of("-jar", jar.toString())));
        command.add("--server.port=" + app.port(settings.ports()));
        settings.appProperties().forEach((key, value) -> command.add("--" + key + "=" + value));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MALLOC_ARENA_MAX", MALLOC_ARENAS);
        environment.put("KEYCLOAK_ISSUER", settings.issuer());
        if (app.database() != null) {
            environment.put("MONGODB_URI", mongo.uri(app.database()));
        }
        StackSettings.Ports ports = settings.ports();
        environment.put("MEMBER_SERVICE_URL", "http://127.0.0.1:" + ports.member());
        environment.put("COMMUNITY_SERVICE_URL", "http://127.0.0.1:" + ports.community());
        environment.put("OFFER_SERVICE_URL", "http://127.0.0.1:" + ports.offer());
        // Invite and share links open the web app on this stack's gateway, whatever port it has.
        String webApp = "http://localhost:" + ports.gateway();
        environment.put("QUANZI_JOIN_LINK_BASE", webApp + "/join/");
        environment.put("QUANZI_SHARE_LINK_BASE", webApp + "/s/");
        URI health = URI.create("http://127.0.0.1:" + app.port(ports) + "/actuator/health/readiness");
        return new ManagedProcess(
                app.module(), command, environment, health, settings.logDir().resolve(app.module() + ".log"));
    }

    /**
     * The realm as this stack's Keycloak imports it: the web client's redirect and post-logout
     * URIs name the gateway's port, so a stack on another port (tests, a second stack) can still
     * log browsers in.
     */
    static String realmForGateway(String realm, int gatewayPort) {
        return realm.replace("://localhost:8080", "://localhost:" + gatewayPort)
                .replace("://127.0.0.1:8080", "://127.0.0.1:" + gatewayPort);
    }

    /** Resets Keycloak's database when the imported realm (the file, or the gateway port in it) changed. */
    /** Resets Keycloak's database when the imported realm changed; returns the realm's hash. */
    private static String resetWhenRealmChanged(
            StackSettings settings, Path importedRealm, Path database, Progress progress) throws IOException {
        Path marker = database.resolve("realm.sha256");
        String current = sha256(Files.readString(importedRealm));
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
        return current;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
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
