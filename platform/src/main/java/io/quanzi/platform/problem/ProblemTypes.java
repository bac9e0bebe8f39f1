package io.quanzi.platform.problem;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Stable problem {@code type} identifiers. Clients may branch on them; they never change meaning.
 */
public final class ProblemTypes {

    public static final URI VALIDATION = type("validation");
    public static final URI BAD_REQUEST = type("bad-request");
    public static final URI UNAUTHORIZED = type("unauthorized");
    public static final URI FORBIDDEN = type("forbidden");
    public static final URI NOT_FOUND = type("not-found");
    public static final URI METHOD_NOT_ALLOWED = type("method-not-allowed");
    public static final URI NOT_ACCEPTABLE = type("not-acceptable");
    public static final URI CONFLICT = type("conflict");
    public static final URI DUPLICATE = type("duplicate");
    public static final URI PAYLOAD_TOO_LARGE = type("payload-too-large");
    public static final URI UNSUPPORTED_MEDIA_TYPE = type("unsupported-media-type");
    public static final URI URI_TOO_LONG = type("uri-too-long");
    public static final URI HEADERS_TOO_LARGE = type("headers-too-large");
    public static final URI TOO_MANY_REQUESTS = type("too-many-requests");
    public static final URI SERVICE_UNAVAILABLE = type("service-unavailable");
    public static final URI INTERNAL = type("internal");

    /** Refused: the caller is not a brand admin whose {@code brand_ids} name the brand. */
    public static final String NOT_BRAND_ADMIN_OF_BRAND_SLUG = "not-brand-admin-of-brand";

    public static final URI NOT_BRAND_ADMIN_OF_BRAND = type(NOT_BRAND_ADMIN_OF_BRAND_SLUG);

    /** Refused: the caller is not staff whose {@code store_ids} name the store. */
    public static final String NOT_STAFF_OF_STORE_SLUG = "not-staff-of-store";

    public static final URI NOT_STAFF_OF_STORE = type(NOT_STAFF_OF_STORE_SLUG);

    private ProblemTypes() {}

    public static URI type(String slug) {
        return URI.create("urn:quanzi:problem:" + slug);
    }

    /** The default type for a status, used when the code raising the error named none. */
    public static URI forStatus(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status.is5xxServerError() ? INTERNAL : type("http-" + status.value());
        };
    }

    /** A problem with a stable type and a title taken from the status. */
    public static ProblemDetail problem(HttpStatusCode status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        return problem;
    }
}
