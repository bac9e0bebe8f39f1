package io.quanzi.member.system;

import io.quanzi.platform.security.KeycloakRealmRoles;
import io.quanzi.platform.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call what in member-service; ownership (the token subject) and brand scope
 * ({@code brand_ids}) are checked again in each feature.
 */
@Configuration(proxyBeanMethods = false)
class SecurityRules {

    @Bean
    ServiceAuthorizationRules memberServiceRules() {
        return exchanges -> exchanges
                .pathMatchers("/api/members/me/**", "/api/members/me")
                .hasRole(KeycloakRealmRoles.MEMBER)
                .pathMatchers("/api/brands/*/members", "/api/brands/*/members/**", "/api/brands/*/referrals/**")
                .hasRole(KeycloakRealmRoles.BRAND_ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/brands", "/api/brands/*", "/api/brands/*/stores")
                .authenticated()
                .pathMatchers("/api/brands", "/api/brands/**")
                .hasRole(KeycloakRealmRoles.BRAND_ADMIN);
    }
}
