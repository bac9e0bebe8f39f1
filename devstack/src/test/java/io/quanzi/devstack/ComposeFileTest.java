package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs where this project is built, so docker-compose.yml is checked as data: the
 * promises it must keep for the production-shaped stack to work and stay private to the machine.
 */
class ComposeFileTest {

    private static Map<String, Map<String, Object>> services;
    private static Path home;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        home = StackSettings.fromEnvironment(StackSettings.systemLookup()).home();
        Map<String, Object> compose = new Yaml().load(Files.readString(home.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void runsTheFourAppsWithMongoAndKeycloakOnPostgres() {
        assertThat(services)
                .containsKeys(
                        "mongo",
                        "keycloak",
                        "keycloak-db",
                        "member-service",
                        "community-service",
                        "offer-service",
                        "gateway");
        assertThat(services.get("mongo").get("command").toString()).contains("--replSet");
        assertThat(env("keycloak")).containsEntry("KC_DB", "postgres");
    }

    @Test
    void everyPortIsBoundToLoopbackOnly() {
        services.forEach((name, service) -> {
            List<?> ports = (List<?>) service.getOrDefault("ports", List.of());
            assertThat(ports).as(name).allSatisfy(port -> assertThat(port.toString())
                    .startsWith("127.0.0.1:"));
        });
    }

    @Test
    void everyServiceHasAHealthcheckAndAMemoryLimit() {
        services.forEach((name, service) -> {
            assertThat(service).as(name).containsKey("healthcheck").containsKey("mem_limit");
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void dependenciesWaitUntilHealthy() {
        services.forEach((name, service) -> {
            Map<String, Map<String, String>> dependsOn =
                    (Map<String, Map<String, String>>) service.getOrDefault("depends_on", Map.of());
            dependsOn.forEach((dependency, condition) ->
                    assertThat(condition).as(name + " -> " + dependency).containsEntry("condition", "service_healthy"));
        });
        assertThat((Map<String, ?>) services.get("gateway").get("depends_on"))
                .containsKeys("member-service", "community-service", "offer-service", "keycloak");
    }

    @Test
    void browsersAndAppsAgreeOnTheTokenIssuer() {
        String issuer = env("keycloak").get("KC_HOSTNAME") + "/realms/" + StackSettings.REALM;
        for (String app : List.of("member-service", "community-service", "offer-service", "gateway")) {
            assertThat(env(app)).as(app).containsEntry("KEYCLOAK_ISSUER", issuer);
        }
    }

    @Test
    void keycloakImportsTheRealmFileOfThisRepository() {
        List<?> volumes = (List<?>) services.get("keycloak").get("volumes");
        assertThat(volumes).anySatisfy(volume -> assertThat(volume.toString())
                .startsWith("./keycloak/quanzi-realm.json:/opt/keycloak/data/import/"));
        assertThat(home.resolve("keycloak/quanzi-realm.json")).exists();
    }

    @Test
    void eachServiceHasItsOwnDatabase() {
        assertThat(List.of("member-service", "community-service", "offer-service").stream()
                        .map(app -> env(app).get("MONGODB_URI"))
                        .distinct())
                .hasSize(3)
                .allSatisfy(uri -> assertThat(uri)
                        .startsWith("mongodb://mongo:27017/quanzi-")
                        .contains("replicaSet=rs0"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(String service) {
        return (Map<String, String>) services.get(service).get("environment");
    }
}
