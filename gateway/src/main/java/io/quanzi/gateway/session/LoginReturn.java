package io.quanzi.gateway.session;

import java.net.URI;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import reactor.core.publisher.Mono;

/**
 * After a login, the browser goes back to the page that asked for it ({@code /session/login?return=…}),
 * else to the app's home. Only same-site paths are accepted, so a link cannot send people elsewhere.
 */
public final class LoginReturn implements ServerAuthenticationSuccessHandler {

    public static final String REGISTRATION_ID = "keycloak";
    static final String SESSION_ATTRIBUTE = "quanzi.login.return";
    private static final int MAX_LENGTH = 2000;

    private final DefaultServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        return exchange.getExchange().getSession().flatMap(session -> {
            Object target = session.getAttributes().remove(SESSION_ATTRIBUTE);
            String path = target instanceof String s ? s : "/";
            return redirects.sendRedirect(exchange.getExchange(), URI.create(path));
        });
    }

    /** The path itself when it is a plain path of this site, else {@code /}. */
    static String safePath(String candidate) {
        if (candidate == null
                || candidate.length() > MAX_LENGTH
                || !candidate.startsWith("/")
                || candidate.startsWith("//")
                || candidate.contains("\\")
                || candidate.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return "/";
        }
        try {
            URI uri = URI.create(candidate);
            return uri.getScheme() == null && uri.getAuthority() == null ? candidate : "/";
        } catch (IllegalArgumentException malformed) {
            return "/";
        }
    }
}
