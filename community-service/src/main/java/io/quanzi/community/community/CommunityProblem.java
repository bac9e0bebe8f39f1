package io.quanzi.community.community;

import io.quanzi.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A client-facing failure of the community features, rendered as problem+json with a stable type. */
public class CommunityProblem extends ErrorResponseException {

    public CommunityProblem(HttpStatus status, String slug, String detail) {
        super(status, ProblemTypes.problem(status, ProblemTypes.type(slug), detail), null);
    }

    public static CommunityProblem notFound(String detail) {
        return new CommunityProblem(HttpStatus.NOT_FOUND, "not-found", detail);
    }

    public static CommunityProblem forbidden(String slug, String detail) {
        return new CommunityProblem(HttpStatus.FORBIDDEN, slug, detail);
    }

    public static CommunityProblem conflict(String slug, String detail) {
        return new CommunityProblem(HttpStatus.CONFLICT, slug, detail);
    }

    public static CommunityProblem badRequest(String detail) {
        return new CommunityProblem(HttpStatus.BAD_REQUEST, "bad-request", detail);
    }

    public static CommunityProblem communityNotFound() {
        return notFound("There is no such community.");
    }
}
