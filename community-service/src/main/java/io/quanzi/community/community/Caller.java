package io.quanzi.community.community;

import io.quanzi.platform.security.KeycloakRealmRoles;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the token only: the member id is the subject, brand administration needs
 * both the {@code brand-admin} role and the brand in the {@code brand_ids} claim.
 */
public record Caller(String memberId, boolean member, Set<String> adminOfBrands) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    public static Caller of(JwtAuthenticationToken authentication) {
        Jwt jwt = authentication.getToken();
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(java.util.stream.Collectors.toSet());
        boolean brandAdmin = roles.contains("ROLE_" + KeycloakRealmRoles.BRAND_ADMIN);
        List<String> brands = brandAdmin ? jwt.getClaimAsStringList("brand_ids") : null;
        return new Caller(
                jwt.getSubject(),
                roles.contains("ROLE_" + KeycloakRealmRoles.MEMBER),
                brands == null ? Set.of() : Set.copyOf(brands));
    }

    public boolean administers(String brandId) {
        return brandId != null && adminOfBrands.contains(brandId);
    }

    /** Ids in paths (member ids, brand ids) are plain tokens; anything else is refused before any query. */
    public static String requireId(String value, String what) {
        if (value == null || !ID.matcher(value).matches()) {
            throw CommunityProblem.badRequest("'" + what + "' is not a valid id.");
        }
        return value;
    }
}
