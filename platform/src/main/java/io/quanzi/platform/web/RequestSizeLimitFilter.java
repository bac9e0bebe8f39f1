package io.quanzi.platform.web;

import io.quanzi.platform.problem.ProblemTypes;
import io.quanzi.platform.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a body whose declared length is over the limit before reading it (413 problem). Bodies
 * sent without a length are capped by the codecs' {@code spring.codec.max-in-memory-size}, which
 * the problem mapper also turns into a 413.
 */
public class RequestSizeLimitFilter implements WebFilter, Ordered {

    private final DataSize limit;
    private final ProblemWriter problems;

    public RequestSizeLimitFilter(DataSize limit, ProblemWriter problems) {
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit.toBytes()) {
            return problems.write(
                    exchange,
                    ProblemTypes.problem(
                            HttpStatus.PAYLOAD_TOO_LARGE,
                            ProblemTypes.PAYLOAD_TOO_LARGE,
                            "The request body is " + declared + " bytes; at most " + limit.toBytes()
                                    + " are accepted."));
        }
        return chain.filter(exchange);
    }
}
