package io.quanzi.offer.coupon;

import io.quanzi.platform.security.KeycloakRealmRoles;
import io.quanzi.platform.security.ServiceAuthorizationRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call the offer and coupon endpoints. Brand scope ({@code brand_ids}), store scope
 * ({@code store_ids}) and coupon ownership are checked again in the features.
 */
@Configuration(proxyBeanMethods = false)
class CouponSecurityRules {

    @Bean
    ServiceAuthorizationRules couponRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/coupons/jwks")
                .permitAll()
                .pathMatchers(HttpMethod.POST, "/api/coupons/redemptions")
                .hasRole(KeycloakRealmRoles.STAFF)
                .pathMatchers("/api/coupons/**")
                .hasRole(KeycloakRealmRoles.MEMBER)
                .pathMatchers(HttpMethod.POST, "/api/offers/*/claims")
                .hasRole(KeycloakRealmRoles.MEMBER)
                .pathMatchers("/api/offers/managed", "/api/offers/managed/**")
                .hasRole(KeycloakRealmRoles.BRAND_ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/offers", "/api/offers/*")
                .hasRole(KeycloakRealmRoles.MEMBER)
                .pathMatchers(
                        HttpMethod.POST,
                        "/api/offers",
                        "/api/offers/*/pause",
                        "/api/offers/*/resume",
                        "/api/offers/*/close")
                .hasRole(KeycloakRealmRoles.BRAND_ADMIN)
                .pathMatchers(HttpMethod.PATCH, "/api/offers/*")
                .hasRole(KeycloakRealmRoles.BRAND_ADMIN);
    }
}
