package io.quanzi.platform.security;

import io.quanzi.platform.problem.ProblemTypes;
import io.quanzi.platform.problem.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/** 401 and 403 answers from the security filters, as problem+json like every other error. */
public final class ProblemSecurityHandlers {

    private ProblemSecurityHandlers() {}

    public static ServerAuthenticationEntryPoint unauthorized(ProblemWriter writer) {
        return (exchange, failure) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate(failure));
            return writer.write(
                    exchange,
                    ProblemTypes.problem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, detail(failure)));
        };
    }

    public static ServerAccessDeniedHandler forbidden(ProblemWriter writer) {
        return (exchange, denied) -> writer.write(
                exchange,
                ProblemTypes.problem(
                        HttpStatus.FORBIDDEN,
                        ProblemTypes.FORBIDDEN,
                        "Your account does not have the role this request needs."));
    }

    /**
     * The request firewall's refusals (encoded or relative path segments, NUL, {@code ;} parameters,
     * {@code //}, disallowed methods or header characters) as a 400 problem instead of an empty body.
     */
    public static ServerExchangeRejectedHandler rejected(ProblemWriter writer) {
        return (exchange, rejected) -> writer.write(
                exchange,
                ProblemTypes.problem(
                        HttpStatus.BAD_REQUEST,
                        ProblemTypes.BAD_REQUEST,
                        "The request URL or headers are not allowed: encoded or relative path segments, NUL,"
                                + " ';' parameters and '//' are refused."));
    }

    private static String detail(AuthenticationException failure) {
        return failure instanceof InvalidBearerTokenException
                ? "The access token is invalid or expired."
                : "A valid access token is required.";
    }

    private static String wwwAuthenticate(AuthenticationException failure) {
        return failure instanceof InvalidBearerTokenException
                ? "Bearer realm=\"quanzi\", error=\"invalid_token\""
                : "Bearer realm=\"quanzi\"";
    }
}
