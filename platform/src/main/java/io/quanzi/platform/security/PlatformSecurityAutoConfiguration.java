package io.quanzi.platform.security;

import io.quanzi.platform.health.KeycloakHealthIndicator;
import io.quanzi.platform.problem.ProblemWriter;
import io.quanzi.platform.web.PlatformWebAutoConfiguration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Every service is a stateless JWT resource server: tokens must come from the Quanzi realm
 * (issuer), be meant for Quanzi (audience) and be unexpired; realm roles become authorities.
 * The signing keys are fetched lazily, so an app starts while Keycloak is still starting and is
 * simply not ready until the keys can be fetched.
 */
@AutoConfiguration(after = PlatformWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(QuanziSecurityProperties.class)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class PlatformSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveJwtDecoder jwtDecoder(QuanziSecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(
                        properties.jwkSetUri().toString())
                .build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtIssuerValidator(properties.issuer()),
                new AudienceValidator(properties.audience())));
        decoder.setJwtValidator(validator);
        return new CachingJwtDecoder(decoder, validator);
    }

    @Bean
    @ConditionalOnMissingBean
    ServerExchangeRejectedHandler problemExchangeRejectedHandler(ProblemWriter problems) {
        return ProblemSecurityHandlers.rejected(problems);
    }

    /** Spring Security's strict firewall with its default rules, its character checks made without regular expressions. */
    @Bean
    @ConditionalOnMissingBean
    ServerWebExchangeFirewall exchangeFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedHeaderValue);
        firewall.setAllowedParameterNames(HeaderCharacters::isAllowedName);
        return firewall;
    }

    /**
     * No observations of Spring Security's own filter chains, authentications and authorizations. They wrapped every
     * filter of every request (about 5 % of the gateway's and the services' CPU per request, docs/benchmarks.md, tenth
     * look) for timers nothing reads; each request is still timed as a whole ({@code http.server.requests}), and a
     * refused token or access is still answered and logged as a problem.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    KeycloakRealmRoles keycloakRealmRoles() {
        return new KeycloakRealmRoles();
    }

    @Bean(name = "keycloakHealthIndicator")
    KeycloakHealthIndicator keycloakHealthIndicator(WebClient.Builder builder, QuanziSecurityProperties properties) {
        return new KeycloakHealthIndicator(builder, properties.jwkSetUri());
    }

    @Bean
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    SecurityWebFilterChain serviceSecurity(
            ServerHttpSecurity http,
            ProblemWriter problems,
            KeycloakRealmRoles roles,
            ObjectProvider<ServiceAuthorizationRules> serviceRules) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> {
                    exchanges
                            .pathMatchers(
                                    HttpMethod.GET, "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                            .permitAll()
                            .pathMatchers(HttpMethod.GET, "/v3/api-docs/**")
                            .permitAll()
                            .pathMatchers("/internal/**")
                            .hasRole(KeycloakRealmRoles.SERVICE);
                    serviceRules.orderedStream().forEach(rules -> rules.apply(exchanges));
                    exchanges
                            .pathMatchers("/api/**")
                            .authenticated()
                            .anyExchange()
                            .denyAll();
                })
                .oauth2ResourceServer(server -> server.bearerTokenConverter(new BearerTokens())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(roles))
                        .authenticationEntryPoint(ProblemSecurityHandlers.unauthorized(problems))
                        .accessDeniedHandler(ProblemSecurityHandlers.forbidden(problems)))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(ProblemSecurityHandlers.unauthorized(problems))
                                .accessDeniedHandler(ProblemSecurityHandlers.forbidden(problems)))
                .build();
    }
}
