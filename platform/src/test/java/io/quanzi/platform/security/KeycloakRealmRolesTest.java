package io.quanzi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakRealmRolesTest {

    @Test
    void realmRolesBecomeRoleAuthoritiesAndSubjectIsTheName() {
        Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("member", "staff"))));

        var authentication = new KeycloakRealmRoles().convert(jwt).block();

        assertThat(authentication.getName()).isEqualTo("user-1");
        assertThat(authentication.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_member", "ROLE_staff");
    }

    @Test
    void tokenWithoutRealmRolesHasNoAuthorities() {
        assertThat(KeycloakRealmRoles.authorities(jwt(Map.of("scope", "openid"))))
                .isEmpty();
        assertThat(KeycloakRealmRoles.authorities(jwt(Map.of("realm_access", "not-a-map"))))
                .isEmpty();
        assertThat(KeycloakRealmRoles.authorities(jwt(Map.of("realm_access", Map.of("roles", List.of(1, "member"))))))
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_member");
    }

    @Test
    void audienceValidatorAcceptsOnlyQuanziTokens() {
        var validator = new AudienceValidator("quanzi-api");

        assertThat(validator
                        .validate(jwt(Map.of("aud", List.of("account", "quanzi-api"))))
                        .hasErrors())
                .isFalse();
        assertThat(validator.validate(jwt(Map.of("aud", List.of("account")))).hasErrors())
                .isTrue();
        assertThat(validator.validate(jwt(Map.of("azp", "web"))).hasErrors()).isTrue();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("user-1")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claims(all -> all.putAll(claims))
                .build();
    }
}
