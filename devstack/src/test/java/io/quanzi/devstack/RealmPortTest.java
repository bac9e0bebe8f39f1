package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A stack on another gateway port imports a realm whose browser redirects name that port. */
class RealmPortTest {

    private static final Path REALM = Path.of(System.getProperty("quanzi.home", ".."), "keycloak", "quanzi-realm.json");

    @Test
    void redirectAndLogoutUrlsFollowTheGatewayPort() throws IOException {
        String realm = Components.realmForGatewayPort(Files.readString(REALM), 9080);

        assertThat(realm)
                .contains("\"http://localhost:9080/login/oauth2/code/*\"")
                .contains("\"http://127.0.0.1:9080/login/oauth2/code/*\"")
                .contains("http://localhost:9080/*##http://127.0.0.1:9080/*")
                .doesNotContain(":8080");
    }

    @Test
    void theDefaultPortImportsTheRealmAsWritten() throws IOException {
        String written = Files.readString(REALM);

        assertThat(Components.realmForGatewayPort(written, 8080)).isEqualTo(written);
    }
}
