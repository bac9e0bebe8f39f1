package io.quanzi.community.event;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The scopes Keycloak puts in staff and admin tokens: {@code store_ids} (staff) and {@code brand_ids} (brand
 * admins). A scope only counts together with its role.
 */
public final class StaffScopes {

    private StaffScopes() {}

    /** Whether the caller is staff at {@code storeId}. */
    public static boolean worksAt(JwtAuthenticationToken caller, String storeId) {
        return hasRole(caller, "ROLE_staff")
                && claim(caller.getToken(), "store_ids").contains(storeId);
    }

    /** Whether the caller is a brand admin of {@code brandId}. */
    public static boolean manages(JwtAuthenticationToken caller, String brandId) {
        return hasRole(caller, "ROLE_brand-admin")
                && claim(caller.getToken(), "brand_ids").contains(brandId);
    }

    private static boolean hasRole(JwtAuthenticationToken caller, String role) {
        return caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(role::equals);
    }

    private static List<String> claim(Jwt token, String name) {
        Object value = token.getClaims().get(name);
        if (value instanceof List<?> list) {
            return list.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        return value instanceof String single ? List.of(single) : List.of();
    }
}
