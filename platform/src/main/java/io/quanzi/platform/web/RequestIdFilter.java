package io.quanzi.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is well formed, a new one
 * otherwise. The id goes back in the response, on to downstream calls (the request is mutated, so
 * the gateway forwards it), into the Reactor context (a chain that wants it in the logging MDC asks
 * with {@code contextCapture()}: propagation is not automatic, see {@code PlatformDefaults}), and into
 * one access-log line per request, which sets the MDC itself.
 */
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String CONTEXT_KEY = "requestId";

    private static final Logger accessLog = LoggerFactory.getLogger("io.quanzi.access");
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String requestId = requestId(exchange.getRequest());
        ServerHttpRequest request =
                exchange.getRequest().mutate().header(HEADER, requestId).build();
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        exchange.getAttributes().put(CONTEXT_KEY, requestId);
        long started = System.nanoTime();
        return chain.filter(exchange.mutate().request(request).build())
                .doFinally(signal -> logAccess(exchange, requestId, started))
                .contextWrite(context -> context.put(CONTEXT_KEY, requestId));
    }

    static String requestId(ServerHttpRequest request) {
        String offered = request.getHeaders().getFirst(HEADER);
        return offered != null && ACCEPTED.matcher(offered).matches()
                ? offered
                : UUID.randomUUID().toString();
    }

    private static void logAccess(ServerWebExchange exchange, String requestId, long started) {
        String path = exchange.getRequest().getPath().value();
        if (!accessLog.isInfoEnabled() || path.startsWith("/actuator")) {
            return;
        }
        try (var ignored = MDC.putCloseable(CONTEXT_KEY, requestId)) {
            accessLog.info(
                    "{} {} {} {}ms",
                    exchange.getRequest().getMethod(),
                    path,
                    exchange.getResponse().getStatusCode(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
