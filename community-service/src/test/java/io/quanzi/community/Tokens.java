package io.quanzi.community;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.time.Instant;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;

/** Mock tokens shaped like Keycloak's: members, brand admins with {@code brand_ids}, staff. */
public final class Tokens {

    private Tokens() {}

    public static JwtMutator member(String subject) {
        return mockJwt().jwt(jwt(subject, List.of())).authorities(new SimpleGrantedAuthority("ROLE_member"));
    }

    /** A member whose token names them: {@code name} and {@code preferred_username} as Keycloak sends them (null = absent). */
    public static JwtMutator member(String subject, String name, String username) {
        return mockJwt()
                .jwt(jwt -> {
                    jwt.subject(subject);
                    if (name != null) {
                        jwt.claim("name", name);
                    }
                    if (username != null) {
                        jwt.claim("preferred_username", username);
                    }
                })
                .authorities(new SimpleGrantedAuthority("ROLE_member"));
    }

    public static JwtMutator brandAdmin(String subject, String... brands) {
        return mockJwt().jwt(jwt(subject, List.of(brands))).authorities(new SimpleGrantedAuthority("ROLE_brand-admin"));
    }

    public static JwtMutator staff(String subject) {
        return mockJwt().jwt(jwt(subject, List.of())).authorities(new SimpleGrantedAuthority("ROLE_staff"));
    }

    public static JwtAuthenticationToken memberAuthentication(String subject) {
        return new JwtAuthenticationToken(
                jwt(subject, List.of()), List.of(new SimpleGrantedAuthority("ROLE_member")), subject);
    }

    private static Jwt jwt(String subject, List<String> brands) {
        Jwt.Builder builder = Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject(subject)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
        if (!brands.isEmpty()) {
            builder.claim("brand_ids", brands);
        }
        return builder.build();
    }
}
