package io.quanzi.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where the stack lives and which ports it takes. Every value can be overridden by an environment
 * variable or a {@code -D} system property of the same meaning (for example {@code QUANZI_GATEWAY_PORT}
 * or {@code -Dquanzi.gateway.port}).
 *
 * @param home the repository checkout (holds the built jars and the realm file)
 * @param dataDir where MongoDB data, Keycloak's dev database and the logs go
 * @param keycloakHome the unpacked Keycloak distribution
 * @param persistentMongo H2 files under {@code dataDir} (dev) or memory only (tests)
 * @param freshKeycloak start Keycloak with an empty database, so the realm is imported anew
 * @param appProperties extra {@code --key=value} arguments given to every app
 */
public record StackSettings(
        Path home,
        Path dataDir,
        Path keycloakHome,
        Ports ports,
        boolean persistentMongo,
        boolean freshKeycloak,
        Map<String, String> appProperties) {

    public record Ports(int gateway, int keycloak, int member, int community, int offer, int mongo) {}

    public static final String REALM = "quanzi";

    /** The dev stack's settings: standard ports, data under {@code ./data}. */
    public static StackSettings fromEnvironment(Function<String, String> lookup) {
        Path home = Path.of(value(lookup, "quanzi.home", ".")).toAbsolutePath().normalize();
        Path keycloakHome =
                Path.of(value(lookup, "keycloak.home", defaultKeycloakHome(home).toString()));
        Ports ports = new Ports(
                port(lookup, "quanzi.gateway.port", 8080),
                port(lookup, "quanzi.keycloak.port", 8180),
                port(lookup, "quanzi.member.port", 8081),
                port(lookup, "quanzi.community.port", 8082),
                port(lookup, "quanzi.offer.port", 8083),
                port(lookup, "quanzi.mongo.port", 27017));
        Path dataDir = Path.of(value(lookup, "quanzi.data", home.resolve("data").toString()));
        return new StackSettings(home, dataDir, keycloakHome, ports, true, false, Map.of());
    }

    public static Function<String, String> systemLookup() {
        return key -> {
            String property = System.getProperty(key);
            return property != null ? property : System.getenv(key.toUpperCase().replace('.', '_'));
        };
    }

    public StackSettings withDataDir(Path dir) {
        return new StackSettings(home, dir, keycloakHome, ports, persistentMongo, freshKeycloak, appProperties);
    }

    /** Settings for tests: memory-only MongoDB, a Keycloak with a fresh realm, extra app settings. */
    public StackSettings forTests(Path dir, Map<String, String> extraAppProperties) {
        Ports anyMongoPort =
                new Ports(ports.gateway(), ports.keycloak(), ports.member(), ports.community(), ports.offer(), 0);
        return new StackSettings(home, dir, keycloakHome, anyMongoPort, false, true, extraAppProperties);
    }

    public String issuer() {
        return "http://localhost:" + ports.keycloak() + "/realms/" + REALM;
    }

    public Path realmFile() {
        return home.resolve("keycloak").resolve("quanzi-realm.json");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    private static Path defaultKeycloakHome(Path home) {
        Path unpacked = home.resolve("devstack/target/keycloak");
        try (var entries = Files.list(unpacked)) {
            return entries.filter(path -> path.getFileName().toString().startsWith("keycloak-"))
                    .findFirst()
                    .orElse(unpacked);
        } catch (java.io.IOException missing) {
            return unpacked;
        }
    }

    private static String value(Function<String, String> lookup, String key, String fallback) {
        String value = lookup.apply(key);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int port(Function<String, String> lookup, String key, int fallback) {
        return Integer.parseInt(value(lookup, key, Integer.toString(fallback)));
    }
}
