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

    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> handle(Throwable failure, ServerWebExchange exchange) {
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
