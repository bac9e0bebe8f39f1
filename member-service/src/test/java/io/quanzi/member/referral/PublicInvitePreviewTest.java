package io.quanzi.member.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.member.MemberServiceTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/public/invites/{code}}: what the invite landing page shows to someone not signed in. */
class PublicInvitePreviewTest extends MemberServiceTestSupport {

    @Test
    void anyoneWithoutATokenSeesTheBrandAndTheInvitersDisplayNameOnly() {
        String brandId = brandWithLogo();
        String alice = joinedMember("alice", brandId);
        web.mutateWith(member(alice, "Alice Chen"))
                .get()
                .uri("/api/members/me")
                .exchange()
                .expectStatus()
                .isOk();
        String code = inviteCode(alice, brandId);

        byte[] body = web.get()
                .uri("/api/public/invites/{code}", code)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();

        JsonNode preview = JSON.readTree(body);
        assertThat(preview.propertyNames()).containsExactlyInAnyOrder("code", "brand", "inviterDisplayName");
        assertThat(preview.get("code").asString()).isEqualTo(code);
        assertThat(preview.get("inviterDisplayName").asString()).isEqualTo("Alice Chen");
        JsonNode brand = preview.get("brand");
        assertThat(brand.propertyNames()).containsExactlyInAnyOrder("id", "name", "logoUrl", "description");
        assertThat(brand.get("id").asString()).isEqualTo(brandId);
        assertThat(brand.get("name").asString()).isEqualTo("Tea House " + brandId);
        assertThat(brand.get("logoUrl").asString()).isEqualTo("https://cdn.example.com/logo.png");
        assertThat(brand.get("description").asString()).isEqualTo("Leaf tea, in person.");
        assertThat(new String(body)).doesNotContain(alice).doesNotContain("@example.com");
    }

    @Test
    void inviterWithoutAProfileIsShownWithoutAName() {
        String brandId = brandWithLogo();
        String bob = joinedMember("bob", brandId);
        String code = inviteCode(bob, brandId);

        web.get()
                .uri("/api/public/invites/{code}", code)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo(code)
                .jsonPath("$.inviterDisplayName")
                .value(name -> assertThat(name).isNull())
                .jsonPath("$.brand.id")
                .isEqualTo(brandId);
    }

    @Test
    void signedInVisitorsSeeTheSamePreview() {
        String brandId = brandWithLogo();
        String code = inviteCode(joinedMember("carol", brandId), brandId);

        web.mutateWith(member(newId("visitor")))
                .get()
                .uri("/api/public/invites/{code}", code)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.brand.id")
                .isEqualTo(brandId);
    }

    @Test
    void unknownCodeIsAnInviteNotFoundProblem() {
        web.get()
                .uri("/api/public/invites/{code}", "ZZZZZZZZ")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:invite-not-found");
    }

    @Test
    void codeOfAnErasedMemberNoLongerWorks() {
        String brandId = brandWithLogo();
        String dave = joinedMember("dave", brandId);
        String code = inviteCode(dave, brandId);
        web.get()
                .uri("/api/public/invites/{code}", code)
                .exchange()
                .expectStatus()
                .isOk();

        web.mutateWith(member(dave))
                .delete()
                .uri("/api/members/me")
                .exchange()
                .expectStatus()
                .isNoContent();

        web.get()
                .uri("/api/public/invites/{code}", code)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:invite-not-found");
    }

    @Test
    void malformedCodesAreRefusedBeforeAnyLookUp() {
        for (String code : new String[] {"ABC", "ABCDEFGH9", "ABCD-FGH", "{\"$gt\":\"\"}", "ABCDÉFGH"}) {
            web.get()
                    .uri("/api/public/invites/{code}", code)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("urn:quanzi:problem:invalid-invite-code");
        }
    }

    @Test
    void onlyReadingOneInviteIsOpen() {
        String brandId = brandWithLogo();
        String code = inviteCode(joinedMember("erin", brandId), brandId);

        web.get()
                .uri("/api/public/invites/{code}/qr.svg", code)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        web.get().uri("/api/public/invites").exchange().expectStatus().isUnauthorized();
        web.get()
                .uri("/api/public/brands/{b}", brandId)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        web.post()
                .uri("/api/public/invites/{code}", code)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange()
                .expectStatus()
                .isUnauthorized();
        web.get()
                .uri("/api/members/me/brands/{b}/invite", brandId)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    /** A brand with a logo and a description, as its admin sets it up. */
    private String brandWithLogo() {
        String brandId = newId("brand");
        web.mutateWith(brandAdmin(brandId))
                .put()
                .uri("/api/brands/{id}", brandId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "name", "Tea House " + brandId,
                        "slug", brandId,
                        "logoUrl", "https://cdn.example.com/logo.png",
                        "description", "Leaf tea, in person.",
                        "defaultLocale", "en",
                        "timezone", "Europe/London"))
                .exchange()
                .expectStatus()
                .isOk();
        return brandId;
    }
}
