package io.quanzi.gateway.routing;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.quanzi.platform.problem.ProblemTypes;
import io.quanzi.platform.problem.ProblemWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The invite and share previews need no login, so they are rate-limited per client address (a
 * Resilience4j limiter each): enough for people opening links, too little for enumerating codes.
 * Addresses are forgotten wholesale once too many are tracked, which only ever loosens the limit.
 */
@Component
class PublicPreviewRateLimit implements WebFilter, Ordered {

    private static final String PREFIX = "/api/public/";
    private static final int MAX_TRACKED_CLIENTS = 10_000;

    private final ProblemWriter problems;
    private final RateLimiterConfig config;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    PublicPreviewRateLimit(
            ProblemWriter problems, @Value("${quanzi.gateway.public-previews.per-minute:60}") int perMinute) {
        this.problems = problems;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(perMinute)
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(PREFIX)) {
            return chain.filter(exchange);
        }
        if (limiterFor(exchange).acquirePermission()) {
            return chain.filter(exchange);
        }
        exchange.getResponse().getHeaders().set("Retry-After", "60");
        return problems.write(
                exchange,
                ProblemTypes.problem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        ProblemTypes.type("rate-limited"),
                        "Too many link previews from this address; try again in a minute."));
    }

    private RateLimiter limiterFor(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String client = remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
        if (limiters.size() > MAX_TRACKED_CLIENTS) {
            limiters.clear();
        }
        return limiters.computeIfAbsent(client, key -> RateLimiter.of("public-previews-" + key, config));
    }
}
