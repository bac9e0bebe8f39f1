package io.quanzi.member.system;

import io.quanzi.platform.security.KeycloakRealmRoles;
import io.quanzi.platform.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call what in member-service; ownership is checked again in each feature. */
@Configuration(proxyBeanMethods = false)
class SecurityRules {

    @Bean
    ServiceAuthorizationRules memberServiceRules() {
        return exchanges ->
                exchanges.pathMatchers("/api/members/me/**", "/api/members/me").hasRole(KeycloakRealmRoles.MEMBER);
    }
}
