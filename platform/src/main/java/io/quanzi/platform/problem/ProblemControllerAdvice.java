package io.quanzi.platform.problem;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
