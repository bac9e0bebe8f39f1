package io.quanzi.offer.support;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.util.List;
import java.util.Map;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;

/** Mock access tokens shaped like Keycloak's: subject, realm role, and the staff/admin scope claims. */
public final class Tokens {

    private Tokens() {}

    public static JwtMutator member(String memberId) {
        return mockJwt().jwt(jwt -> jwt.subject(memberId)).authorities(new SimpleGrantedAuthority("ROLE_member"));
    }

    public static JwtMutator staff(String staffId, String... storeIds) {
        return mockJwt()
                .jwt(jwt -> jwt.subject(staffId)
                        .claim("store_ids", List.of(storeIds))
                        .claim("realm_access", Map.of("roles", List.of("staff"))))
                .authorities(new SimpleGrantedAuthority("ROLE_staff"));
    }

    public static JwtMutator brandAdmin(String adminId, String... brandIds) {
        return mockJwt()
                .jwt(jwt -> jwt.subject(adminId)
                        .claim("brand_ids", List.of(brandIds))
                        .claim("realm_access", Map.of("roles", List.of("brand-admin"))))
                .authorities(new SimpleGrantedAuthority("ROLE_brand-admin"));
    }

    public static JwtMutator service(String clientId) {
        return mockJwt().jwt(jwt -> jwt.subject(clientId)).authorities(new SimpleGrantedAuthority("ROLE_service"));
    }
}
