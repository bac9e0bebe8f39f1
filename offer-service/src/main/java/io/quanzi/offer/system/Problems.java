package io.quanzi.offer.system;

import io.quanzi.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Problem+json exceptions with a stable type slug and a detail that tells the caller what happened. */
public final class Problems {

    private Problems() {}

    public static ErrorResponseException problem(HttpStatus status, String slug, String detail) {
        ErrorResponseException problem = new ErrorResponseException(status);
        problem.getBody().setType(ProblemTypes.type(slug));
        problem.getBody().setTitle(status.getReasonPhrase());
        problem.getBody().setDetail(detail);
        return problem;
    }

    public static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, "not-found", detail);
    }

    public static ErrorResponseException conflict(String slug, String detail) {
        return problem(HttpStatus.CONFLICT, slug, detail);
    }
}
