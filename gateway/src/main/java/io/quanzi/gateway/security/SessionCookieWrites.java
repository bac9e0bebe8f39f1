package io.quanzi.gateway.security;

import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Which requests the CSRF check applies to: writes that carry the session cookie. CSRF is a forged
 * request riding on a cookie the browser sends by itself; a request without the session cookie has
 * nothing to ride on, and is refused as unauthenticated (401) by the authorization rules instead of
 * as a missing CSRF token (403), the same answer an anonymous read gets.
 */
final class SessionCookieWrites implements ServerWebExchangeMatcher {

    static final String SESSION_COOKIE = "SESSION";

    private static final Set<HttpMethod> SAFE =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        boolean write = !SAFE.contains(exchange.getRequest().getMethod());
        boolean withSession = exchange.getRequest().getCookies().containsKey(SESSION_COOKIE);
        return write && withSession ? MatchResult.match() : MatchResult.notMatch();
    }
}
