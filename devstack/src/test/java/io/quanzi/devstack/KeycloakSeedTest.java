package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeycloakSeedTest {

    @TempDir
    Path dir;

    private StackSettings settings() {
        return new StackSettings(
                dir,
                dir.resolve("data"),
                dir.resolve("keycloak-26"),
                new StackSettings.Ports(8080, 8180, 8081, 8082, 8083, 27017),
                true,
                false,
                Map.of());
    }

    @Test
    void aFreshDatabaseFolderGetsTheSeedOfItsRealm() throws IOException {
        Path seed = Files.createDirectories(KeycloakSeed.folder(settings(), "abc"));
        Files.writeString(seed.resolve("keycloakdb.mv.db"), "seeded");
        Path database = Files.createDirectories(dir.resolve("data/keycloak"));

        assertThat(KeycloakSeed.copyInto(settings(), "abc", database)).isTrue();

        assertThat(database.resolve("keycloakdb.mv.db")).hasContent("seeded");
    }

    @Test
    void anExistingDatabaseIsNeverOverwritten() throws IOException {
        Path seed = Files.createDirectories(KeycloakSeed.folder(settings(), "abc"));
        Files.writeString(seed.resolve("keycloakdb.mv.db"), "seeded");
        Path database = Files.createDirectories(dir.resolve("data/keycloak"));
        Files.writeString(database.resolve("keycloakdb.mv.db"), "users of this stack");

        assertThat(KeycloakSeed.copyInto(settings(), "abc", database)).isFalse();

        assertThat(database.resolve("keycloakdb.mv.db")).hasContent("users of this stack");
    }

    @Test
    void anotherRealmFindsNoSeedAndStartsAsBefore() throws IOException {
        Path seed = Files.createDirectories(KeycloakSeed.folder(settings(), "abc"));
        Files.writeString(seed.resolve("keycloakdb.mv.db"), "seeded");
        Path database = Files.createDirectories(dir.resolve("data/keycloak"));

        assertThat(KeycloakSeed.copyInto(settings(), "other-realm", database)).isFalse();

        assertThat(database).isEmptyDirectory();
    }
}
