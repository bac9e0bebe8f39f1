package io.quanzi.platform.problem;

import io.quanzi.platform.json.PrintableText;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns any failure into an RFC 9457 problem with a stable type. Client mistakes get a 4xx that
 * says what to fix; anything else is a 500 that reveals nothing of the internals and is logged.
 */
public class ProblemMapper {

    private static final Logger log = LoggerFactory.getLogger(ProblemMapper.class);

    /** The exchange attribute and MDC key under which {@code RequestIdFilter} keeps the request id. */
    private static final String REQUEST_ID_KEY = "requestId";

    /**
     * As {@link #toProblem(Throwable)}, logging with the request's id: the handlers that call this run
     * outside the request's Reactor context, where the logging MDC would otherwise be empty.
     */
    public ProblemDetail toProblem(Throwable failure, ServerWebExchange exchange) {
        String requestId = exchange.getAttribute(REQUEST_ID_KEY);
        if (requestId == null) {
            requestId = exchange.getResponse().getHeaders().getFirst("X-Request-Id");
        }
        if (requestId == null) {
            return toProblem(failure);
        }
        try (var ignored = MDC.putCloseable(REQUEST_ID_KEY, requestId)) {
            return toProblem(failure);
        }
    }

    public ProblemDetail toProblem(Throwable failure) {
        if (causedBy(failure, DataBufferLimitException.class)) {
            return ProblemTypes.problem(
                    HttpStatus.PAYLOAD_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE, "The request body is too large.");
        }
        if (failure instanceof WebExchangeBindException invalid) {
            return validationProblem(invalid);
        }
        if (failure instanceof ServerWebInputException badInput && causedBy(badInput, DecodingException.class)) {
            return ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, unreadableBody(badInput));
        }
        if (failure instanceof HandlerMethodValidationException invalid) {
            return parameterProblem(invalid);
        }
        if (failure instanceof ErrorResponse response) {
            return fromErrorResponse(response);
        }
        if (failure instanceof DuplicateKeyException) {
            return ProblemTypes.problem(
                    HttpStatus.CONFLICT, ProblemTypes.DUPLICATE, "Something with the same unique key already exists.");
        }
        if (failure instanceof AuthenticationException) {
            return ProblemTypes.problem(
                    HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, "A valid access token is required.");
        }
        if (failure instanceof AccessDeniedException) {
            return ProblemTypes.problem(
                    HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "You are not allowed to do this.");
        }
        log.error("Unhandled failure", failure);
        return ProblemTypes.problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL,
                "An unexpected error occurred. It has been logged; quote the X-Request-Id header when reporting it.");
    }

    private static ProblemDetail fromErrorResponse(ErrorResponse response) {
        HttpStatusCode status = response.getStatusCode();
        ProblemDetail body = response.getBody();
        if (body.getType() == null || "about:blank".equals(body.getType().toString())) {
            body.setType(ProblemTypes.forStatus(status));
        }
        if (status.is5xxServerError() && response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER) == null) {
            log.error("Server error: {}", body.getDetail());
        } else if (status.is5xxServerError()) {
            // Load shed on purpose (it says when to come back): an answer, not a bug, and logging each one in a
            // burst would add to the load.
            log.debug("Refused for now: {}", body.getDetail());
        }
        return body;
    }

    private static ProblemDetail validationProblem(WebExchangeBindException invalid) {
        ProblemDetail problem = ProblemTypes.problem(
                HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, "Some fields are invalid: see errors.");
        List<Map<String, String>> errors = invalid.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return problem;
    }

    /**
     * A header, path variable or query parameter that breaks its constraint: Spring's own detail says only "Validation
     * failure", so the detail names each parameter as the client sends it and why, and {@code errors} lists them.
     */
    private static ProblemDetail parameterProblem(HandlerMethodValidationException invalid) {
        List<Map<String, String>> errors = invalid.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> Map.of(
                                "field",
                                nameOf(result.getMethodParameter()),
                                "message",
                                String.valueOf(error.getDefaultMessage()))))
                .toList();
        String detail = errors.isEmpty()
                ? "Some parameters of the request are invalid."
                : errors.stream()
                        .map(error -> error.get("field") + ": " + error.get("message"))
                        .collect(Collectors.joining("; ", "", "."));
        ProblemDetail problem = ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The name the client uses: the header's, the path variable's or the query parameter's, else the Java name. */
    private static String nameOf(MethodParameter parameter) {
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (header != null) {
            return firstNonEmpty(header.name(), header.value(), parameter.getParameterName());
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        if (path != null) {
            return firstNonEmpty(path.name(), path.value(), parameter.getParameterName());
        }
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null) {
            return firstNonEmpty(query.name(), query.value(), parameter.getParameterName());
        }
        return firstNonEmpty(parameter.getParameterName(), "parameter " + parameter.getParameterIndex());
    }

    private static String firstNonEmpty(String... names) {
        for (String name : names) {
            if (name != null && !name.isEmpty()) {
                return name;
            }
        }
        return "parameter";
    }

    private static String unreadableBody(Throwable failure) {
        JacksonException json = cause(failure, JacksonException.class);
        if (json instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'.";
        }
        if (json instanceof PrintableText.ControlCharacters refused
                && !refused.getPath().isEmpty()) {
            return "Field '" + fieldPath(refused) + "' must not contain control characters (tabs and line breaks"
                    + " excepted).";
        }
        if (json instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return "Field '" + fieldPath(mismatch) + "' has the wrong type or shape.";
        }
        return "The request body is not valid JSON for this endpoint.";
    }

    private static String fieldPath(MismatchedInputException mismatch) {
        StringBuilder path = new StringBuilder();
        for (var reference : mismatch.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        return cause(failure, type) != null;
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
