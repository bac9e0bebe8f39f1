package io.quanzi.platform.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * The one client-facing failure of every Quanzi app: an RFC 9457 problem with a stable type
 * ({@code urn:quanzi:problem:<slug>}) and a detail that tells the caller what happened. Business verdicts that carry
 * more than a slug (a check-in refusal's reason) extend it.
 */
public class Problem extends ErrorResponseException {

    private final String slug;

    public Problem(HttpStatusCode status, String slug, String detail) {
        super(status, ProblemTypes.problem(status, ProblemTypes.type(slug), detail), null);
        this.slug = slug;
    }

    public static Problem of(HttpStatusCode status, String slug, String detail) {
        return new Problem(status, slug, detail);
    }

    /** A 400 of the generic {@code bad-request} type. */
    public static Problem badRequest(String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, "bad-request", detail);
    }

    public static Problem badRequest(String slug, String detail) {
        return new Problem(HttpStatus.BAD_REQUEST, slug, detail);
    }

    public static Problem forbidden(String slug, String detail) {
        return new Problem(HttpStatus.FORBIDDEN, slug, detail);
    }

    /** A 404 of the generic {@code not-found} type. */
    public static Problem notFound(String detail) {
        return new Problem(HttpStatus.NOT_FOUND, "not-found", detail);
    }

    public static Problem notFound(String slug, String detail) {
        return new Problem(HttpStatus.NOT_FOUND, slug, detail);
    }

    public static Problem conflict(String slug, String detail) {
        return new Problem(HttpStatus.CONFLICT, slug, detail);
    }

    public static Problem unprocessable(String slug, String detail) {
        return new Problem(HttpStatus.UNPROCESSABLE_ENTITY, slug, detail);
    }

    /**
     * 503 {@code busy} with {@code Retry-After: 1}: an admission gate refused the work, so nothing was done and the
     * same request may simply be sent again.
     */
    public static Problem busy(String detail) {
        Problem busy = new Problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", detail);
        busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return busy;
    }

    /** The caller lacks the role, or the brand is not among its {@code brand_ids}. */
    public static Problem notBrandAdminOf(String brandId) {
        return forbidden(
                ProblemTypes.NOT_BRAND_ADMIN_OF_BRAND_SLUG, "You are not an admin of brand '" + brandId + "'.");
    }

    /** The caller lacks the staff role, or the store is not among its {@code store_ids}. */
    public static Problem notStaffOf(String storeId) {
        return forbidden(ProblemTypes.NOT_STAFF_OF_STORE_SLUG, "You do not work at store '" + storeId + "'.");
    }

    /** Adds a property to the problem body (for clients that branch on more than the type). */
    public Problem with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    public String slug() {
        return slug;
    }

    public String detail() {
        return getBody().getDetail();
    }
}
