package io.quanzi.member.referral;

import io.quanzi.platform.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The one member-service endpoint that needs no token: reading an invite's public preview. Exactly
 * one path segment after {@code /api/public/invites/}; everything else under {@code /api/public}
 * stays behind the platform's "authenticated" default.
 */
@Configuration(proxyBeanMethods = false)
class PublicInviteSecurityRules {

    @Bean
    ServiceAuthorizationRules publicInviteRules() {
        return exchanges ->
                exchanges.pathMatchers(HttpMethod.GET, "/api/public/invites/*").permitAll();
    }
}
