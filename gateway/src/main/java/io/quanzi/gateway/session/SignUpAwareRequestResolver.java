package io.quanzi.gateway.session;

import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authorization requests with PKCE; {@code ?signup=true} on the login start adds {@code prompt=create}
 * (OpenID Connect "initiating user registration"), which opens Keycloak's registration page directly;
 * {@code ?lang=zh-CN} asks Keycloak for its pages in that language ({@code ui_locales}).
 */
public final class SignUpAwareRequestResolver implements ServerOAuth2AuthorizationRequestResolver {

    private final DefaultServerOAuth2AuthorizationRequestResolver delegate;

    public SignUpAwareRequestResolver(ReactiveClientRegistrationRepository registrations) {
        this.delegate = new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        this.delegate.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
        return delegate.resolve(exchange).map(request -> withSignUp(exchange, request));
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
        return delegate.resolve(exchange, clientRegistrationId).map(request -> withSignUp(exchange, request));
    }

    private static OAuth2AuthorizationRequest withSignUp(
            ServerWebExchange exchange, OAuth2AuthorizationRequest request) {
        if (!"true".equals(exchange.getRequest().getQueryParams().getFirst("signup"))) {
            return request;
        }
        return OAuth2AuthorizationRequest.from(request)
                .additionalParameters(parameters -> parameters.put("prompt", "create"))
                .build();
    }
}
