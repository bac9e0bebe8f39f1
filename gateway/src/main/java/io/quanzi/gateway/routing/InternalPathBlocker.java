package io.quanzi.gateway.routing;

import io.quanzi.platform.problem.ProblemTypes;
import io.quanzi.platform.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Service-to-service endpoints are never reachable from outside, whatever routes are added later:
 * any path with an {@code internal} segment answers 404 before security or routing see it.
 */
@Component
class InternalPathBlocker implements WebFilter, Ordered {

    private final ProblemWriter problems;

    InternalPathBlocker(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean internal = exchange.getRequest().getPath().elements().stream()
                .anyMatch(element -> element.value().equalsIgnoreCase("internal"));
        if (internal) {
            return problems.write(
                    exchange, ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No such endpoint."));
        }
        return chain.filter(exchange);
    }
}
