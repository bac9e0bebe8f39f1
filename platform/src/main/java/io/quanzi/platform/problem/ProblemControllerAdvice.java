package io.quanzi.platform.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;

/** Every failure that leaves a controller becomes {@code application/problem+json}. */
@RestControllerAdvice
public class ProblemControllerAdvice {

    private final ProblemMapper mapper;

    public ProblemControllerAdvice(ProblemMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Maps the failure; one met while the answer was already being sent (the client hung up, as the gateway does
     * when its time limit passes) is handed back instead: there is no one left to tell, and WebFlux logs a lost
     * client quietly where a mapped failure would be logged as an error and fail again writing its problem.
     */
    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> handle(Throwable failure, ServerWebExchange exchange) throws Throwable {
        if (ClientGone.during(exchange, failure)) {
            throw failure;
        }
        ProblemDetail problem = mapper.toProblem(failure, exchange);
        HttpHeaders headers = new HttpHeaders();
        if (failure instanceof ErrorResponse response) {
            // Headers the failure asks for (Retry-After on a 503, Allow on a 405) travel with the problem.
            headers.putAll(response.getHeaders());
        }
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
