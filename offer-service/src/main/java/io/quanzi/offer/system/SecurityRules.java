package io.quanzi.offer.system;

import io.quanzi.platform.security.KeycloakRealmRoles;
import io.quanzi.platform.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the points endpoints of offer-service; the brand or store scope of the caller is
 * checked again in each feature ({@link Caller}). {@code /internal/**} is service-only (platform).
 */
@Configuration(proxyBeanMethods = false)
class SecurityRules {

    @Bean
    ServiceAuthorizationRules pointsRules() {
        return exchanges -> exchanges
                .pathMatchers("/api/points/me", "/api/points/me/**")
                .hasRole(KeycloakRealmRoles.MEMBER)
                .pathMatchers("/api/points/brands/**")
                .hasRole(KeycloakRealmRoles.BRAND_ADMIN)
                .pathMatchers("/api/points/purchases", "/api/points/purchases/**")
                .hasRole(KeycloakRealmRoles.STAFF);
    }
}
