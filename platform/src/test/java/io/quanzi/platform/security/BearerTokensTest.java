package io.quanzi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

/** {@link BearerTokens} answers every header as Spring Security's own converter does in its default settings. */
class BearerTokensTest {

    private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
    private final ServerAuthenticationConverter ours = new BearerTokens();

    @Test
    void everyCharacterInEveryPartOfTheHeader() {
        List<String> differ = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            if (codePoint >= 0x180 && codePoint % 1009 != 0) {
                continue; // ASCII, Latin-1 and beyond, then a sample of the rest (Spring's converter is slow to ask)
            }
            String c = new String(Character.toChars(codePoint));
            for (String header : List.of(
                    c,
                    c + "earer abc",
                    "bEaRe" + c + " abc",
                    "Bearer" + c + "abc",
                    "Bearer " + c,
                    "Bearer ab" + c + "cd",
                    "Bearer abc" + c,
                    "Bearer abc=" + c,
                    "Bearer abc==" + c + "=")) {
                compare(header, differ);
            }
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void randomHeadersAroundTheScheme() {
        Random random = new Random(7);
        String[] schemes = {"Bearer", "bearer", "BEARER", "bEARer", "Beare", "Bearerx", "Basic", ""};
        String[] separators = {" ", "", "  ", "\t", "=", " \u00A0"};
        String alphabet = "AZaz09-._~+/= \t\n\r,;:\"\\é中\u0000\u007F";
        List<String> differ = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder header = new StringBuilder(schemes[random.nextInt(schemes.length)]);
            header.append(separators[random.nextInt(separators.length)]);
            int length = random.nextInt(10);
            for (int j = 0; j < length; j++) {
                boolean plain = random.nextInt(4) > 0;
                header.append(
                        plain
                                ? "abc.XYZ-_~+/09".charAt(random.nextInt(14))
                                : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            compare(header.toString(), differ);
        }
        assertThat(differ).isEmpty();
    }

    @Test
    void readableExamples() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9." + "eyJzdWIiOiJtMSJ9".repeat(60) + ".c2lnbmF0dXJl_-~+/==";
        assertThat(answer(ours, "Bearer " + jwt)).isEqualTo("token " + jwt);
        assertThat(answer(ours, "bearer abc")).isEqualTo("token abc");
        assertThat(answer(ours, null)).isEqualTo("none");
        assertThat(answer(ours, "Basic dXNlcjpwYXNz")).isEqualTo("none");
        assertThat(answer(ours, "Bearer")).startsWith("refused invalid_token");
        assertThat(answer(ours, "Bearer ")).startsWith("refused invalid_token");
        assertThat(answer(ours, "Bearer  abc")).startsWith("refused invalid_token");
        assertThat(answer(ours, "Bearer a=b")).startsWith("refused invalid_token");
        assertThat(answer(ours, "Bearer abc\n")).startsWith("refused invalid_token");
        assertThat(answer(ours, "Bearerabc")).startsWith("refused invalid_token");
        assertThat(answer(spring, "Bearer abc\n")).isEqualTo(answer(ours, "Bearer abc\n"));
    }

    private void compare(String header, List<String> differ) {
        String expected = answer(spring, header);
        String actual = answer(ours, header);
        if (!expected.equals(actual)) {
            differ.add(escaped(header) + ": Spring " + expected + ", ours " + actual);
        }
    }

    private static String answer(ServerAuthenticationConverter converter, String header) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/members/me");
        if (header != null) {
            request.header(HttpHeaders.AUTHORIZATION, header);
        }
        try {
            Authentication authentication =
                    converter.convert(MockServerWebExchange.from(request)).block();
            return authentication == null
                    ? "none"
                    : "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
        } catch (OAuth2AuthenticationException refused) {
            return "refused " + refused.getError().getErrorCode() + " "
                    + refused.getError().getDescription() + " "
                    + refused.getError().getUri();
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints()
                .forEach(c -> out.append(c >= 0x20 && c < 0x7F ? Character.toString(c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
