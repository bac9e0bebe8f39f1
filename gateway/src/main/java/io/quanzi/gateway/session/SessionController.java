package io.quanzi.gateway.session;

import io.quanzi.platform.security.Caller;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * What the web app may know of its session, and the start of a login that comes back to the page
 * the person was on. The browser never receives a token: {@code /session} reads the roles and scopes
 * from the access token kept in the server-side session and answers only those.
 */
@RestController
class SessionController {

    private final ReactiveJwtDecoder jwtDecoder;
    private final ReactiveOAuth2AuthorizedClientManager clients;

    SessionController(
            ReactiveJwtDecoder jwtDecoder,
            ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        this.jwtDecoder = jwtDecoder;
        var manager = new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        this.clients = manager;
    }

    /**
     * Anonymous unless the session holds a login whose access token is (or can be refreshed to be)
     * valid: an ended Keycloak session reads as signed out, and the app offers the login again.
     */
    @GetMapping("/session")
    Mono<SessionInfo> current(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange) {
        if (user == null) {
            return Mono.just(SessionInfo.ANONYMOUS);
        }
        return exchange.getPrincipal()
                .cast(Authentication.class)
                .flatMap(principal ->
                        clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(LoginReturn.REGISTRATION_ID)
                                .principal(principal)
                                .attribute(ServerWebExchange.class.getName(), exchange)
                                .build()))
                .flatMap(authorized ->
                        jwtDecoder.decode(authorized.getAccessToken().getTokenValue()))
                .map(token -> SessionInfo.of(user, token))
                .defaultIfEmpty(SessionInfo.ANONYMOUS)
                .onErrorReturn(SessionInfo.ANONYMOUS);
    }

    /**
     * Starts the Keycloak login (or, with {@code signup=true}, its registration page) and remembers
     * where to come back to: only a path of this site, never another origin.
     */
    @GetMapping("/session/login")
    Mono<ResponseEntity<Void>> login(
            @RequestParam(name = "return", defaultValue = "/") String returnTo,
            @RequestParam(defaultValue = "false") boolean signup,
            @RequestParam(required = false) String lang,
            WebSession session) {
        session.getAttributes().put(LoginReturn.SESSION_ATTRIBUTE, LoginReturn.safePath(returnTo));
        var start = org.springframework.web.util.UriComponentsBuilder.fromPath(
                "/oauth2/authorization/" + LoginReturn.REGISTRATION_ID);
        if (signup) {
            start.queryParam("signup", "true");
        }
        if (lang != null && lang.matches("[A-Za-z]{2,3}(-[A-Za-z]{2,4})?")) {
            start.queryParam("lang", lang);
        }
        return Mono.just(ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(start.build().toUriString()))
                .build());
    }

    /** The signed-in person: names, realm roles and the brand and store scopes, for choosing the app's modes. */
    record SessionInfo(
            boolean authenticated,
            String subject,
            String name,
            String username,
            String email,
            List<String> roles,
            List<String> brandIds,
            List<String> storeIds) {

        static final SessionInfo ANONYMOUS =
                new SessionInfo(false, null, null, null, null, List.of(), List.of(), List.of());

        static SessionInfo of(OidcUser user, Jwt accessToken) {
            Caller caller = Caller.of(accessToken);
            return new SessionInfo(
                    true,
                    caller.subject(),
                    user.getFullName(),
                    user.getPreferredUsername(),
                    user.getEmail(),
                    sorted(caller.roles()),
                    sorted(caller.brandIds()),
                    sorted(caller.storeIds()));
        }

        private static List<String> sorted(java.util.Set<String> values) {
            return values.stream().sorted().toList();
        }
    }
}
