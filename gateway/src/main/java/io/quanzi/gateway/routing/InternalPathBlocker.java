package io.quanzi.gateway.routing;

import io.quanzi.platform.problem.ProblemTypes;
import io.quanzi.platform.problem.ProblemWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Service-to-service endpoints are never reachable from outside, whatever routes are added later:
 * any path with an {@code internal} segment answers 404 before security or routing see it. The
 * segment is recognised however it is spelled: any case, percent-encoded (even twice), with
 * {@code ;} parameters, an encoded slash, or surrounded by dots and blanks.
 */
@Component
class InternalPathBlocker implements WebFilter, Ordered {

    private static final Pattern SEGMENT_PADDING = Pattern.compile("^[\\s.]+|[\\s.]+$");

    private final ProblemWriter problems;

    InternalPathBlocker(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isInternal(exchange.getRequest().getURI().getRawPath())) {
            return problems.write(
                    exchange, ProblemTypes.problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "No such endpoint."));
        }
        return chain.filter(exchange);
    }

    static boolean isInternal(String rawPath) {
        if (rawPath == null) {
            return false;
        }
        String path = rawPath;
        for (int round = 0; round < 4 && path.indexOf('%') >= 0; round++) {
            path = decode(path);
        }
        for (String segment : path.toLowerCase(Locale.ROOT).split("[/\\\\;]")) {
            if (SEGMENT_PADDING.matcher(segment).replaceAll("").equals("internal")) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String path) {
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return path;
        }
    }
}
