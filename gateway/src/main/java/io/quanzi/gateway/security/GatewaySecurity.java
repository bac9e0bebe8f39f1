package io.quanzi.gateway.security;

import io.quanzi.gateway.session.LoginReturn;
import io.quanzi.gateway.session.SignUpAwareRequestResolver;
import io.quanzi.platform.problem.ProblemWriter;
import io.quanzi.platform.security.BearerTokens;
import io.quanzi.platform.security.KeycloakRealmRoles;
import io.quanzi.platform.security.ProblemSecurityHandlers;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Two ways in. API clients (POS, CRM, scripts) send their own bearer token: checked here and passed
 * on unchanged, no session, no CSRF. Browsers log in with Keycloak (authorization code + PKCE); the
 * tokens stay in the server-side session and {@code TokenRelay} puts the access token on each
 * proxied call; cookie-authenticated writes need the CSRF token from the {@code XSRF-TOKEN} cookie.
 * The services check the tokens again: this is the first of two locks, not the only one.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {

    private static final String[] PUBLIC_PROBES = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus"};

    /**
     * API reads open to anyone: the public keys of coupon and check-in QR tokens (for staff apps that
     * verify offline) and the previews behind invite and share links (public fields only, rate-limited).
     */
    private static final String[] PUBLIC_API = {
        "/api/coupons/jwks", "/api/checkins/jwks", "/api/public/invites/*", "/api/public/shares/*"
    };

    @Bean
    @Order(1)
    SecurityWebFilterChain bearerClients(ServerHttpSecurity http, ProblemWriter problems, KeycloakRealmRoles roles) {
        return http.securityMatcher(GatewaySecurity::hasBearerToken)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, PUBLIC_API)
                        .permitAll()
                        .pathMatchers("/api/**")
                        .authenticated()
                        .anyExchange()
                        .denyAll())
                .oauth2ResourceServer(server -> server.bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized(problems))
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden(problems)))
                .headers(GatewaySecurity::securityHeaders)
                .build();
    }

    /**
     * The public reads without a bearer token: no session is loaded, no CSRF token made, nothing is
     * remembered. A browser that is signed in sends its session cookie along, but these answers never
     * depend on who asks, so the session is not even read.
     */
    @Bean
    @Order(2)
    SecurityWebFilterChain publicReads(ServerHttpSecurity http) {
        return http.securityMatcher(new AndServerWebExchangeMatcher(
                        ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, PUBLIC_API),
                        exchange -> carriesBearerToken(exchange)
                                ? ServerWebExchangeMatcher.MatchResult.notMatch()
                                : ServerWebExchangeMatcher.MatchResult.match()))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .headers(GatewaySecurity::securityHeaders)
                .build();
    }

    @Bean
    @Order(3)
    SecurityWebFilterChain browsers(
            ServerHttpSecurity http, ProblemWriter problems, ReactiveClientRegistrationRepository registrations) {
        var apiCalls = new PathPatternParserServerWebExchangeMatcher("/api/**");
        var loginPage = new RedirectServerAuthenticationEntryPoint(
                "/oauth2/authorization/" + KeycloakLoginRegistration.REGISTRATION_ID);
        var entryPoint =
                new DelegatingServerAuthenticationEntryPoint(new DelegatingServerAuthenticationEntryPoint.DelegateEntry(
                        apiCalls, ProblemSecurityHandlers.unauthorized(problems)));
        entryPoint.setDefaultEntryPoint(loginPage);

        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, PUBLIC_PROBES)
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, "/favicon.ico")
                        .permitAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_API)
                        .permitAll()
                        .pathMatchers("/fallback/**", "/actuator/**", "/internal/**")
                        .denyAll()
                        .pathMatchers("/api/**")
                        .authenticated()
                        // The web app itself (its files and its pages, e.g. an invite link) is public; every
                        // API call behind it needs the session. /session says who is signed in, or no one.
                        .pathMatchers(HttpMethod.GET, "/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.HEAD, "/**")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .oauth2Login(login -> login.authorizationRequestResolver(new SignUpAwareRequestResolver(registrations))
                        .authenticationSuccessHandler(new LoginReturn()))
                .oauth2Client(client -> {})
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden(problems)))
                .csrf(csrf -> csrf.csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .requireCsrfProtectionMatcher(new SessionCookieWrites())
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden(problems)))
                .logout(logout -> logout.logoutSuccessHandler(keycloakLogout(registrations)))
                .headers(GatewaySecurity::securityHeaders)
                .build();
    }

    private static reactor.core.publisher.Mono<ServerWebExchangeMatcher.MatchResult> hasBearerToken(
            org.springframework.web.server.ServerWebExchange exchange) {
        return carriesBearerToken(exchange)
                ? ServerWebExchangeMatcher.MatchResult.match()
                : ServerWebExchangeMatcher.MatchResult.notMatch();
    }

    private static boolean carriesBearerToken(org.springframework.web.server.ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** Logging out of Quanzi also ends the Keycloak session, then comes back to the app. */
    private static OidcClientInitiatedServerLogoutSuccessHandler keycloakLogout(
            ReactiveClientRegistrationRepository registrations) {
        var handler = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        handler.setLogoutSuccessUrl(URI.create("/"));
        return handler;
    }

    private static void securityHeaders(ServerHttpSecurity.HeaderSpec headers) {
        // Cache-Control is set by NoStoreUnlessCacheable: the app's hashed files may be cached, nothing else.
        headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable);
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        // 'wasm-unsafe-eval': the staff scanner's QR decoder (zxing-wasm, served by us) compiles
                        // WebAssembly.
                        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; img-src 'self' data: https:; "
                                + "font-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "frame-ancestors 'none'; form-action 'self' http://localhost:*"))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .permissionsPolicy(
                        permissions -> permissions.policy("camera=(self), geolocation=(self), microphone=()"));
    }
}
