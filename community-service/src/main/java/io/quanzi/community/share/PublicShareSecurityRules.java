package io.quanzi.community.share;

import io.quanzi.platform.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The one community-service endpoint that needs no token: reading a share link's public preview.
 * Exactly one path segment after {@code /api/public/shares/}; everything else under
 * {@code /api/public} stays behind the platform's "authenticated" default.
 */
@Configuration(proxyBeanMethods = false)
class PublicShareSecurityRules {

    @Bean
    ServiceAuthorizationRules publicShareRules() {
        return exchanges ->
                exchanges.pathMatchers(HttpMethod.GET, "/api/public/shares/*").permitAll();
    }
}
