package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The realm a stack imports names that stack's gateway port, so its browser logins can come back. */
class RealmForGatewayTest {

    private static final Path REALM =
            StackSettings.fromEnvironment(StackSettings.systemLookup()).realmFile();

    @Test
    void webClientRedirectsFollowTheGatewayPort() throws IOException {
        String realm = Components.realmForGateway(Files.readString(REALM), 6080);

        assertThat(realm)
                .contains("\"http://localhost:6080/login/oauth2/code/*\"")
                .contains("\"http://127.0.0.1:6080/login/oauth2/code/*\"")
                .contains("http://localhost:6080/*##http://127.0.0.1:6080/*")
                .doesNotContain(":8080");
    }

    @Test
    void defaultPortLeavesTheRealmAsItIs() throws IOException {
        String file = Files.readString(REALM);

        assertThat(Components.realmForGateway(file, 8080)).isEqualTo(file);
    }
}
