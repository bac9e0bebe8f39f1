package io.quanzi.community.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

class DisplayNamesTest {

    @Test
    void nameClaimWinsAndIsTrimmed() {
        assertThat(DisplayNames.of(token(Map.of("name", "  Alice Chen \t", "preferred_username", "alice"))))
                .isEqualTo("Alice Chen");
    }

    @Test
    void usernameStandsInWhenTheNameIsMissingOrBlank() {
        assertThat(DisplayNames.of(token(Map.of("preferred_username", "bob")))).isEqualTo("bob");
        assertThat(DisplayNames.of(token(Map.of("name", "   ", "preferred_username", " bob "))))
                .isEqualTo("bob");
    }

    @Test
    void noNameAtAllIsNull() {
        assertThat(DisplayNames.of(token(Map.of()))).isNull();
        assertThat(DisplayNames.of(token(Map.of("name", " ", "preferred_username", ""))))
                .isNull();
    }

    @Test
    void longNamesAreCutAtEightyCharactersWithoutSplittingAnEmoji() {
        String name = "李".repeat(79) + "😀😀😀";

        String shown = DisplayNames.of(token(Map.of("name", name)));

        assertThat(shown.codePointCount(0, shown.length())).isEqualTo(80);
        assertThat(shown).isEqualTo("李".repeat(79) + "😀");
        assertThat(DisplayNames.of(token(Map.of("name", "a".repeat(80))))).hasSize(80);
    }

    private static JwtAuthenticationToken token(Map<String, Object> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("member-1")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(jwt::claim);
        return new JwtAuthenticationToken(jwt.build(), List.of());
    }
}
