package io.quanzi.member.system;

import io.quanzi.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A client-facing failure with a stable problem type ({@code urn:quanzi:problem:<slug>}) and a
 * detail that tells the caller what happened.
 */
public class Problem extends ErrorResponseException {

    private final String slug;

    public Problem(HttpStatus status, String slug, String detail) {
        super(status, ProblemTypes.problem(status, ProblemTypes.type(slug), detail), null);
        this.slug = slug;
    }

    public String slug() {
        return slug;
    }

    public static Problem notFound(String slug, String detail) {
        return new Problem(HttpStatus.NOT_FOUND, slug, detail);
    }

    public static Problem badRequest(String slug, String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, slug, detail);
    }

    public static Problem conflict(String slug, String detail) {
        return new Problem(HttpStatus.CONFLICT, slug, detail);
    }

    public static Problem forbidden(String slug, String detail) {
        return new Problem(HttpStatus.FORBIDDEN, slug, detail);
    }
}
