package io.quanzi.platform.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads the bearer token of the {@code Authorization} header, the only place Quanzi takes one from, with the answers of
 * Spring Security's {@code ServerBearerTokenAuthenticationConverter} in its default settings: no header, or one that
 * does not start with "bearer" in any case, is no token; {@code Bearer <token>} (the scheme in any case, one space,
 * RFC 6750's {@code b64token}) is the token; anything else that starts with "bearer" is refused as malformed.
 *
 * <p>Spring's converter matches the header with a case-insensitive regular expression and merges three reactive
 * sources of which two are always empty here; that cost 2.5-4 % of every app's CPU per call with a token
 * (docs/benchmarks.md, tenth look). This one reads the header once, character by character.
 * {@code BearerTokensTest} holds it to Spring's answers.
 */
public final class BearerTokens implements ServerAuthenticationConverter {

    private static final String SCHEME = "Bearer";
    private static final int TOKEN_START = SCHEME.length() + 1;

    @Override
    public Mono<Authentication> convert(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (!StringUtils.startsWithIgnoreCase(authorization, SCHEME)) {
            return Mono.empty();
        }
        if (!wellFormed(authorization)) {
            return Mono.error(() ->
                    new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed")));
        }
        return Mono.just(new BearerTokenAuthenticationToken(authorization.substring(TOKEN_START)));
    }

    /**
     * {@code Bearer <token>}: a header that starts with the scheme in any case (checked by the caller), then one space,
     * then at least one of {@code A-Z a-z 0-9 - . _ ~ + /}, then only {@code =} up to the end.
     */
    private static boolean wellFormed(String authorization) {
        int length = authorization.length();
        if (length <= TOKEN_START || authorization.charAt(SCHEME.length()) != ' ') {
            return false;
        }
        int index = TOKEN_START;
        while (index < length && isTokenCharacter(authorization.charAt(index))) {
            index++;
        }
        if (index == TOKEN_START) {
            return false;
        }
        while (index < length && authorization.charAt(index) == '=') {
            index++;
        }
        return index == length;
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
