package io.quanzi.platform.web;

import io.quanzi.platform.problem.ProblemTypes;
import io.quanzi.platform.problem.ProblemWriter;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Query parameters never carry control characters (NUL, line breaks, escape, …): a 400 problem
 * before any handler sees them. Names and values reach MongoDB as keys, patterns and values, and a
 * NUL in a BSON key or pattern is a driver failure, not a search.
 */
public class QueryParameterFilter implements WebFilter, Ordered {

    private final ProblemWriter problems;

    public QueryParameterFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getURI().getRawQuery() == null) {
            return chain.filter(exchange);
        }
        String offending;
        try {
            offending = offendingParameter(exchange.getRequest().getQueryParams());
        } catch (IllegalArgumentException malformed) {
            offending = "";
        }
        if (offending == null) {
            return chain.filter(exchange);
        }
        String detail = offending.isEmpty()
                ? "The query string is not validly percent-encoded."
                : "Query parameter '" + offending + "' contains control characters.";
        return problems.write(exchange, ProblemTypes.problem(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, detail));
    }

    /** The first parameter whose name or a value holds a control character, or null. */
    static String offendingParameter(MultiValueMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (hasControl(parameter.getKey())) {
                return printable(parameter.getKey());
            }
            for (String value : parameter.getValue()) {
                if (value != null && hasControl(value)) {
                    return printable(parameter.getKey());
                }
            }
        }
        return null;
    }

    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(64).forEach(c -> shown.append(Character.isISOControl(c) ? "?" : Character.toString(c)));
        return shown.toString();
    }
}
