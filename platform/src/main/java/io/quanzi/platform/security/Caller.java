package io.quanzi.platform.security;

import io.quanzi.platform.problem.Problem;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, resolved from the access token in this one place: the subject (a member's stable id), the realm
 * roles, the scopes Keycloak adds to staff and admin tokens ({@code brand_ids}, {@code store_ids}) and the display
 * name. A scope counts only together with its role: "brand admin of X" is the {@code brand-admin} role and X in
 * {@code brand_ids}; "staff of S" is the {@code staff} role and S in {@code store_ids}.
 *
 * @param subject the token subject
 * @param roles the realm roles, without the {@code ROLE_} prefix
 * @param brandIds the brands the caller administers (empty without the brand-admin role)
 * @param storeIds the stores the caller works at (empty without the staff role)
 * @param name the display name ({@code name}, else {@code preferred_username}); may be null
 */
public record Caller(String subject, Set<String> roles, Set<String> brandIds, Set<String> storeIds, String name) {

    public static final String BRAND_IDS = "brand_ids";
    public static final String STORE_IDS = "store_ids";

    public Caller {
        roles = Set.copyOf(roles);
        brandIds = Set.copyOf(brandIds);
        storeIds = Set.copyOf(storeIds);
    }

    /** The caller of a request authenticated by the resource server (roles from its authorities). */
    public static Caller of(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return of(jwt.getToken(), roles(jwt.getAuthorities()));
        }
        throw new IllegalArgumentException("Not a JWT-authenticated caller: " + authentication);
    }

    /** The caller named by a token (roles from its {@code realm_access.roles}). */
    public static Caller of(Jwt token) {
        return of(token, realmRoles(token));
    }

    private static Caller of(Jwt token, Set<String> roles) {
        String name = token.getClaimAsString("name");
        if (name == null || name.isBlank()) {
            name = token.getClaimAsString("preferred_username");
        }
        return new Caller(
                token.getSubject(),
                roles,
                roles.contains(KeycloakRealmRoles.BRAND_ADMIN) ? strings(token, BRAND_IDS) : Set.of(),
                roles.contains(KeycloakRealmRoles.STAFF) ? strings(token, STORE_IDS) : Set.of(),
                name);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isMember() {
        return hasRole(KeycloakRealmRoles.MEMBER);
    }

    /** The {@code brand-admin} role and {@code brandId} in {@code brand_ids}. */
    public boolean isBrandAdminOf(String brandId) {
        return brandId != null && brandIds.contains(brandId);
    }

    /** The {@code staff} role and {@code storeId} in {@code store_ids}. */
    public boolean isStaffOf(String storeId) {
        return storeId != null && storeIds.contains(storeId);
    }

    /** Throws the {@code not-brand-admin-of-brand} 403 problem unless {@link #isBrandAdminOf}. */
    public Caller requireBrandAdminOf(String brandId) {
        if (!isBrandAdminOf(brandId)) {
            throw Problem.notBrandAdminOf(brandId);
        }
        return this;
    }

    /** Throws the {@code not-staff-of-store} 403 problem unless {@link #isStaffOf}. */
    public Caller requireStaffOf(String storeId) {
        if (!isStaffOf(storeId)) {
            throw Problem.notStaffOf(storeId);
        }
        return this;
    }

    /** The realm roles of a token, as Keycloak lists them in {@code realm_access.roles}. */
    static Set<String> realmRoles(Jwt token) {
        Object realmAccess = token.getClaims().get("realm_access");
        if (!(realmAccess instanceof Map<?, ?> access) || !(access.get("roles") instanceof List<?> roles)) {
            return Set.of();
        }
        return roles.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith("ROLE_"))
                .map(authority -> authority.substring("ROLE_".length()))
                .collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> strings(Jwt token, String claim) {
        Object value = token.getClaims().get(claim);
        if (value instanceof Collection<?> list) {
            return list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return value instanceof String single ? Set.of(single) : Set.of();
    }
}
