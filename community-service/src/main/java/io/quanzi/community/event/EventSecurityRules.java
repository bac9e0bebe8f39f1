package io.quanzi.community.event;

import io.quanzi.platform.security.KeycloakRealmRoles;
import io.quanzi.platform.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Roles for events and check-ins; the scope (which brand, which store) is checked again in code. The check-in
 * signing keys are public so staff apps can verify codes offline.
 */
@Configuration(proxyBeanMethods = false)
class EventSecurityRules {

    @Bean
    ServiceAuthorizationRules eventRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/checkins/jwks")
                .permitAll()
                .pathMatchers(HttpMethod.POST, "/api/checkins", "/api/checkins/batch")
                .hasRole(KeycloakRealmRoles.STAFF)
                .pathMatchers(HttpMethod.GET, "/api/events/me", "/api/events/*/checkin-token")
                .hasRole(KeycloakRealmRoles.MEMBER)
                .pathMatchers("/api/events/*/rsvp")
                .hasRole(KeycloakRealmRoles.MEMBER)
                .pathMatchers(HttpMethod.GET, "/api/events/*/attendees")
                .hasAnyRole(KeycloakRealmRoles.STAFF, KeycloakRealmRoles.BRAND_ADMIN)
                .pathMatchers(HttpMethod.POST, "/api/events", "/api/events/*/cancel")
                .hasRole(KeycloakRealmRoles.BRAND_ADMIN)
                .pathMatchers(HttpMethod.PUT, "/api/events/*")
                .hasRole(KeycloakRealmRoles.BRAND_ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/events", "/api/events/*")
                .authenticated()
                .pathMatchers("/api/events/**", "/api/checkins/**")
                .denyAll();
    }
}
