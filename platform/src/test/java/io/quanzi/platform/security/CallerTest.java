package io.quanzi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quanzi.platform.problem.Problem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerTest {

    private static Jwt token(List<String> roles, Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("user-1")
                .issuedAt(Instant.now())
                .claim("realm_access", Map.of("roles", roles));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void aBrandAdminAdministersOnlyTheBrandsOfItsClaim() {
        Caller admin = Caller.of(token(List.of("brand-admin"), Map.of("brand_ids", List.of("b1", "b2"))));

        assertThat(admin.isBrandAdminOf("b1")).isTrue();
        assertThat(admin.isBrandAdminOf("b3")).isFalse();
        assertThat(admin.isBrandAdminOf(null)).isFalse();
        assertThat(admin.isStaffOf("b1")).isFalse();
    }

    @Test
    void aScopeClaimWithoutItsRoleGrantsNothing() {
        Caller member =
                Caller.of(token(List.of("member"), Map.of("brand_ids", List.of("b1"), "store_ids", List.of("s1"))));

        assertThat(member.isBrandAdminOf("b1")).isFalse();
        assertThat(member.isStaffOf("s1")).isFalse();
        assertThat(member.brandIds()).isEmpty();
        assertThat(member.isMember()).isTrue();
    }

    @Test
    void staffWorkAtTheStoresOfTheirClaimEvenWhenItIsASingleString() {
        Caller staff = Caller.of(token(List.of("staff"), Map.of("store_ids", "s1")));

        assertThat(staff.isStaffOf("s1")).isTrue();
        assertThat(staff.isStaffOf("s2")).isFalse();
    }

    @Test
    void malformedClaimsAreIgnored() {
        Caller odd = Caller.of(token(List.of("staff"), Map.of("store_ids", List.of(1, Map.of("$ne", "")))));

        assertThat(odd.storeIds()).isEmpty();
    }

    @Test
    void refusalsAreTheFixedProblemTypes() {
        Caller staff = Caller.of(token(List.of("staff", "brand-admin"), Map.of("store_ids", List.of("s1"))));

        assertThatThrownBy(() -> staff.requireBrandAdminOf("b1")).isInstanceOfSatisfying(Problem.class, problem -> {
            assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(problem.getBody().getType()).hasToString("urn:quanzi:problem:not-brand-admin-of-brand");
        });
        assertThatThrownBy(() -> staff.requireStaffOf("s2"))
                .isInstanceOfSatisfying(
                        Problem.class, problem -> assertThat(problem.slug()).isEqualTo("not-staff-of-store"));
        assertThat(staff.requireStaffOf("s1")).isSameAs(staff);
    }

    @Test
    void theNameIsTheDisplayNameOrElseTheUsername() {
        assertThat(Caller.of(token(List.of(), Map.of("name", "Ann Li", "preferred_username", "ann")))
                        .name())
                .isEqualTo("Ann Li");
        assertThat(Caller.of(token(List.of(), Map.of("preferred_username", "ann")))
                        .name())
                .isEqualTo("ann");
    }

    @Test
    void theRolesOfAnAuthenticatedRequestComeFromItsAuthorities() {
        Jwt jwt = token(List.of("brand-admin"), Map.of("brand_ids", List.of("b1")));
        var authentication = new KeycloakRealmRoles().convert(jwt).block();

        Caller caller = Caller.of(authentication);

        assertThat(caller.subject()).isEqualTo("user-1");
        assertThat(caller.roles()).containsExactly("brand-admin");
        assertThat(caller.isBrandAdminOf("b1")).isTrue();
    }
}
