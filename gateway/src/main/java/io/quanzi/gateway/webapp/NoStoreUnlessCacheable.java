package io.quanzi.gateway.webapp;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every answer that did not choose its own caching is {@code no-store}: API answers carry a member's
 * data and must not stay in a shared or browser cache. The web app's files set their own
 * ({@link WebAppResources}: hashed assets immutable, {@code index.html} revalidated), and services may
 * set theirs (the public JWKS documents are cacheable for a few minutes).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NoStoreUnlessCacheable implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            if (!headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
                headers.set(HttpHeaders.PRAGMA, "no-cache");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
