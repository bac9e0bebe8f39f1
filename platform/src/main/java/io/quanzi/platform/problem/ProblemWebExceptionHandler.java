package io.quanzi.platform.problem;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The last resort for failures raised outside controllers (no route, filters, codecs): answers
 * problem+json instead of Boot's default error body. Ordered before Boot's own handler.
 */
public class ProblemWebExceptionHandler implements ErrorWebExceptionHandler {

    private final ProblemMapper mapper;
    private final ProblemWriter writer;

    public ProblemWebExceptionHandler(ProblemMapper mapper, ProblemWriter writer) {
        this.mapper = mapper;
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (ClientGone.during(exchange, failure)) {
            return Mono.error(failure);
        }
        return writer.write(exchange, mapper.toProblem(failure, exchange));
    }
}
