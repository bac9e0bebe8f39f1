package io.quanzi.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import tools.jackson.databind.JsonNode;

/** Identity comes from the token only; brand admins act only within their brand_ids; roles guard the rest. */
class AuthorizationTest extends MemberServiceTestSupport {

    @Test
    void memberCannotReadOrChangeAnotherMembersProfile() {
        String alice = newId("alice");
        String bob = newId("bob");
        web.mutateWith(member(alice))
                .patch()
                .uri("/api/members/me")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", "+8613800138000"))
                .exchange()
                .expectStatus()
                .isOk();

        JsonNode bobsView = getJson(member(bob), "/api/members/me?subject=" + alice);
        web.mutateWith(member(bob))
                .patch()
                .uri("/api/members/me?subject=" + alice)
                .header("X-User-Id", alice)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("phone", "+8613999999999"))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(bobsView.get("subject").asString()).isEqualTo(bob);
        assertThat(bobsView.get("phone").isNull()).isTrue();
        assertThat(getJson(member(alice), "/api/members/me").get("phone").asString())
                .isEqualTo("+8613800138000");
    }

    @Test
    void memberCannotReadAnotherMembersConsentCardOrInvite() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        String bob = newId("bob");
        web.mutateWith(member(alice))
                .post()
                .uri("/api/members/me/consents/{b}", brandId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("granted", true, "textVersion", "v1", "channel", "APP"))
                .exchange()
                .expectStatus()
                .isOk();
        String aliceCode = inviteCode(alice, brandId);

        web.mutateWith(member(bob))
                .get()
                .uri("/api/members/me/consents/{b}", brandId)
                .exchange()
                .expectStatus()
                .isNotFound();
        web.mutateWith(member(bob))
                .get()
                .uri("/api/members/me/brands/{b}/card", brandId)
                .exchange()
                .expectStatus()
                .isNotFound();
        web.mutateWith(member(bob))
                .get()
                .uri("/api/members/me/brands/{b}/invite", brandId)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        JsonNode export = getJson(member(bob), "/api/members/me/export");
        assertThat(export.toString()).doesNotContain(alice).doesNotContain(aliceCode);
    }

    @Test
    void brandAdminCannotListExportOrReadStatsOfAnotherBrand() {
        String brandA = brandWithStore(null);
        String brandB = brandWithStore(null);
        join(newId("m"), brandB, Map.of());

        for (String path : new String[] {
            "/api/brands/" + brandB + "/members",
            "/api/brands/" + brandB + "/members/export",
            "/api/brands/" + brandB + "/members/stats/joins",
            "/api/brands/" + brandB + "/referrals/leaderboard"
        }) {
            web.mutateWith(brandAdmin(brandA))
                    .get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:quanzi:problem:not-brand-admin-of-brand");
        }
    }

    @Test
    void brandAdminCannotEditAnotherBrandsStoresOrCreateBrandsOutsideTheirClaim() {
        String storeId = "store-" + newId("s");
        String brandB = brandWithStore(storeId);
        String brandA = brandWithStore(null);

        web.mutateWith(brandAdmin(brandA))
                .put()
                .uri("/api/brands/{b}/stores/{s}", brandB, storeId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(storeBody("Hijacked"))
                .exchange()
                .expectStatus()
                .isForbidden();
        web.mutateWith(brandAdmin(brandA))
                .put()
                .uri("/api/brands/{b}", brandB)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Mine", "slug", "mine", "defaultLocale", "en", "timezone", "UTC"))
                .exchange()
                .expectStatus()
                .isForbidden();
        web.mutateWith(brandAdmin(brandA))
                .put()
                .uri("/api/brands/{b}", "unclaimed-" + brandA)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "New", "slug", "new", "defaultLocale", "en", "timezone", "UTC"))
                .exchange()
                .expectStatus()
                .isForbidden();

        JsonNode stores = JSON.readTree(web.mutateWith(member(newId("m")))
                .get()
                .uri("/api/brands/{b}/stores", brandB)
                .exchange()
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(stores.get(0).get("name").asString()).isEqualTo("Flagship");
        web.mutateWith(member(newId("m")))
                .get()
                .uri("/api/brands/unclaimed-{b}", brandA)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void membersCannotCallAdminEndpoints() {
        String brandId = brandWithStore("store-" + newId("s"));
        var memberWithForgedClaim = mockJwt()
                .jwt(jwt -> jwt.subject(newId("m")).claim("brand_ids", java.util.List.of(brandId)))
                .authorities(new SimpleGrantedAuthority("ROLE_member"));

        for (String path : new String[] {
            "/api/brands/" + brandId + "/members",
            "/api/brands/" + brandId + "/members/export",
            "/api/brands/" + brandId + "/members/stats/joins",
            "/api/brands/" + brandId + "/referrals/leaderboard"
        }) {
            web.mutateWith(memberWithForgedClaim)
                    .get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
        web.mutateWith(memberWithForgedClaim)
                .put()
                .uri("/api/brands/{b}/stores/new-store", brandId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(storeBody("Sneaky"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void membersAndAdminsCannotCallInternalEndpoints() {
        String brandId = brandWithStore(null);
        for (JwtMutator who : java.util.List.of(member(newId("m")), brandAdmin(brandId))) {
            web.mutateWith(who)
                    .get()
                    .uri("/internal/brands/{b}", brandId)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            web.mutateWith(who)
                    .method(HttpMethod.POST)
                    .uri("/internal/referrals/milestones")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "idempotencyKey", "k",
                            "memberId", "m",
                            "brandId", brandId,
                            "milestone", "FIRST_CHECK_IN"))
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
    }

    @Test
    void adminAndStaffAreNotMembersOfTheMemberApi() {
        web.mutateWith(brandAdmin("demo-brand"))
                .post()
                .uri("/api/members/me/brands/demo-brand/membership")
                .exchange()
                .expectStatus()
                .isForbidden();
    }
}
