package io.quanzi.platform.web;

import io.quanzi.platform.problem.ProblemTypes;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The one shape of the ids in paths, queries and bodies (brand, store, member, community, event, offer ids): a
 * Keycloak subject (UUID), a MongoDB ObjectId and a slug all fit; {@code $}, spaces, slashes, dots at the start and
 * control characters never do, so an id can reach a query as it is. Bodies use {@code @Pattern(regexp = Ids.ID)}.
 */
public final class Ids {

    public static final String ID = "[A-Za-z0-9][A-Za-z0-9._@:-]{0,127}";
    public static final String ID_MESSAGE = "must be 1-128 letters, digits or . _ @ : -";

    private static final Pattern ID_PATTERN = Pattern.compile(ID);

    private Ids() {}

    public static boolean isId(String value) {
        return value != null && ID_PATTERN.matcher(value).matches();
    }

    /**
     * Checks an id taken from the path or query: a 400 validation problem naming the parameter, shaped like the body
     * field errors.
     */
    public static String requireId(String name, String value) {
        return require(name, value, ID_PATTERN, ID_MESSAGE);
    }

    public static String require(String name, String value, Pattern pattern, String message) {
        if (value == null || !pattern.matcher(value).matches()) {
            ErrorResponseException invalid = new ErrorResponseException(HttpStatus.BAD_REQUEST);
            invalid.getBody().setType(ProblemTypes.VALIDATION);
            invalid.getBody().setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
            invalid.getBody().setDetail("Some fields are invalid: see errors.");
            invalid.getBody().setProperty("errors", List.of(Map.of("field", name, "message", message)));
            throw invalid;
        }
        return value;
    }
}
