package io.quanzi.gateway.webapp;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The web app routes in the browser (history mode): a page request for {@code /events/42} or
 * {@code /join/ABCD1234} gets {@code index.html}, and the app shows the screen. Only page requests are
 * rewritten: GET, accepting HTML, not a file (no extension in the last segment) and not a path the
 * gateway itself owns (API, login, probes).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 50) // after InternalPathBlocker: an internal path never becomes a page
class SinglePageAppFallback implements WebFilter {

    private static final List<String> SERVER_PATHS = List.of(
            "/api/", "/oauth2/", "/login/", "/logout", "/session", "/actuator", "/fallback", "/internal", "/v3/");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isAppPage(exchange)) {
            return chain.filter(exchange);
        }
        var request = exchange.getRequest().mutate().path("/index.html").build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    static boolean isAppPage(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.GET) {
            return false;
        }
        String path = request.getPath().pathWithinApplication().value();
        if (path.equals("/index.html")) {
            return false;
        }
        if (SERVER_PATHS.stream()
                .anyMatch(prefix -> path.startsWith(prefix) || path.equals(prefix.replaceAll("/$", "")))) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        if (last.contains(".")) {
            return false;
        }
        List<MediaType> accept = request.getHeaders().getAccept();
        return accept.isEmpty() || accept.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML));
    }
}
