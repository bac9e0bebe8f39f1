package io.quanzi.community.community;

import io.quanzi.platform.security.KeycloakRealmRoles;
import io.quanzi.platform.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Roles for the community endpoints; each feature checks community roles and brand scope again
 * in code. Analytics is for brand admins only; everything else for members and brand admins.
 */
@Configuration(proxyBeanMethods = false)
class CommunitySecurityRules {

    @Bean
    ServiceAuthorizationRules communityRules() {
        return exchanges -> exchanges
                .pathMatchers("/api/communities/analytics/**")
                .hasRole(KeycloakRealmRoles.BRAND_ADMIN)
                .pathMatchers("/api/communities", "/api/communities/**")
                .hasAnyRole(KeycloakRealmRoles.MEMBER, KeycloakRealmRoles.BRAND_ADMIN);
    }
}
