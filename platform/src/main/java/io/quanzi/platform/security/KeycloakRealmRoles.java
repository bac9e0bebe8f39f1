package io.quanzi.platform.security;

import java.util.Collection;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Turns Keycloak's {@code realm_access.roles} into {@code ROLE_*} authorities, so rules read
 * {@code hasRole("staff")}. The principal name is the token subject, the member's stable id.
 */
public class KeycloakRealmRoles implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    public static final String MEMBER = "member";
    public static final String STAFF = "staff";
    public static final String BRAND_ADMIN = "brand-admin";
    public static final String SERVICE = "service";

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), jwt.getSubject()));
    }

    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        return Caller.realmRoles(jwt).stream()
                .sorted()
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }
}
