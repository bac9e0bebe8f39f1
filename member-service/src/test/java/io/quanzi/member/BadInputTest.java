package io.quanzi.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Bad input gets a 4xx problem+json and changes nothing. */
class BadInputTest extends MemberServiceTestSupport {

    @Test
    void invalidPhoneIsRefusedWithAFieldError() {
        String alice = newId("alice");
        JsonNode before = getJson(member(alice), "/api/members/me");

        patchProfile(alice, "{\"phone\":\"0138-0013-8000\",\"displayName\":\"Changed\"}")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("phone");

        assertThat(getJson(member(alice), "/api/members/me")).isEqualTo(before);
    }

    @Test
    void overlongStringsAreRefused() {
        String alice = newId("alice");
        JsonNode before = getJson(member(alice), "/api/members/me");

        patchProfile(alice, "{\"displayName\":\"" + "x".repeat(81) + "\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("displayName");

        assertThat(getJson(member(alice), "/api/members/me")).isEqualTo(before);
    }

    @Test
    void unknownFieldsAreRefusedSoNobodyCanSetTheirEmailOrSubject() {
        String alice = newId("alice");
        JsonNode before = getJson(member(alice), "/api/members/me");

        patchProfile(alice, "{\"email\":\"boss@example.com\"}")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Unknown field 'email'.");
        web.mutateWith(member(alice))
                .post()
                .uri("/api/members/me/brands/demo-brand/membership")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"memberNumber\":1}")
                .exchange()
                .expectStatus()
                .isBadRequest();

        assertThat(getJson(member(alice), "/api/members/me")).isEqualTo(before);
        web.mutateWith(member(alice))
                .get()
                .uri("/api/members/me/brands/demo-brand/membership")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void mongoOperatorsInPlaceOfValuesAreRefused() {
        String alice = newId("alice");
        JsonNode before = getJson(member(alice), "/api/members/me");

        patchProfile(alice, "{\"displayName\":{\"$gt\":\"\"}}").expectStatus().isBadRequest();
        patchProfile(alice, "{\"preferredStores\":{\"$set\":\"x\"}}")
                .expectStatus()
                .isBadRequest();
        patchProfile(alice, "{\"preferredStores\":{\"demo-brand\":{\"$ne\":null}}}")
                .expectStatus()
                .isBadRequest();
        web.mutateWith(member(alice))
                .post()
                .uri("/api/members/me/brands/demo-brand/membership")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"inviteCode\":{\"$gt\":\"\"}}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        web.mutateWith(member(alice))
                .post()
                .uri("/api/members/me/consents/demo-brand")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"granted\":true,\"textVersion\":{\"$where\":\"1\"},\"channel\":\"APP\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();

        assertThat(getJson(member(alice), "/api/members/me")).isEqualTo(before);
        web.mutateWith(member(alice))
                .get()
                .uri("/api/members/me/consents/demo-brand")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void preferredStoreMustBeAStoreOfThatBrand() {
        String alice = newId("alice");

        patchProfile(alice, "{\"preferredStores\":{\"demo-brand\":\"no-such-store\"}}")
                .expectStatus()
                .isNotFound();
        patchProfile(alice, "{\"preferredStores\":{\"demo-brand\":\"demo-store-2\"}}")
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.preferredStores.demo-brand")
                .isEqualTo("demo-store-2");
    }

    @Test
    void invalidEnumsAndMalformedJsonAreRefused() {
        String alice = newId("alice");
        web.mutateWith(member(alice))
                .post()
                .uri("/api/members/me/brands/demo-brand/membership")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"source\":\"HACKED\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        patchProfile(alice, "{\"displayName\":").expectStatus().isBadRequest();
        web.mutateWith(brandAdmin("demo-brand"))
                .get()
                .uri("/api/brands/demo-brand/members?source=NOPE")
                .exchange()
                .expectStatus()
                .isBadRequest();
        web.mutateWith(brandAdmin("demo-brand"))
                .get()
                .uri("/api/brands/demo-brand/members/stats/joins?weeks=1000")
                .exchange()
                .expectStatus()
                .isBadRequest();
        web.mutateWith(brandAdmin("demo-brand"))
                .get()
                .uri(builder -> builder.path("/api/brands/demo-brand/members")
                        .query("joinedTo=%2B999999999-12-31")
                        .build())
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void oversizedBodiesAreRefused() {
        String alice = newId("alice");
        JsonNode before = getJson(member(alice), "/api/members/me");

        patchProfile(alice, "{\"displayName\":\"" + "x".repeat(300 * 1024) + "\"}")
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(getJson(member(alice), "/api/members/me")).isEqualTo(before);
    }

    @Test
    void invalidBrandAndStoreFieldsAreRefused() {
        String brandId = newId("brand");
        web.mutateWith(brandAdmin(brandId))
                .put()
                .uri("/api/brands/{b}", brandId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "name", "N",
                        "slug", "Not A Slug",
                        "logoUrl", "javascript:alert(1)",
                        "defaultLocale", "en",
                        "timezone", "UTC"))
                .exchange()
                .expectStatus()
                .isBadRequest();
        web.mutateWith(brandAdmin("Bad.Id"))
                .put()
                .uri("/api/brands/Bad.Id")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "N", "slug", "n", "defaultLocale", "en", "timezone", "UTC"))
                .exchange()
                .expectStatus()
                .isBadRequest();

        web.mutateWith(member(newId("m")))
                .get()
                .uri("/api/brands/{b}", brandId)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec patchProfile(
            String subject, String json) {
        return web.mutateWith(member(subject))
                .patch()
                .uri("/api/members/me")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }
}
