package io.quanzi.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** Bad input gets a 4xx problem+json and changes nothing. */
class BadInputTest extends MemberServiceTestSupport {

    /** Profile patches that are refused: the status, what the problem says, and the profile as it was. */
    static Stream<Arguments> badProfilePatches() {
        return Stream.of(
                arguments(
                        "phone in the wrong format",
                        "{\"phone\":\"0138-0013-8000\",\"displayName\":\"Changed\"}",
                        400,
                        Map.of("$.type", "urn:quanzi:problem:validation", "$.errors[0].field", "phone")),
                arguments(
                        "overlong display name",
                        "{\"displayName\":\"" + "x".repeat(81) + "\"}",
                        400,
                        Map.of("$.errors[0].field", "displayName")),
                // Unknown fields are refused, so nobody can set their email or subject.
                arguments(
                        "unknown field",
                        "{\"email\":\"boss@example.com\"}",
                        400,
                        Map.of("$.detail", "Unknown field 'email'.")),
                arguments("operator as display name", "{\"displayName\":{\"$gt\":\"\"}}", 400, Map.of()),
                arguments("operator as preferred stores", "{\"preferredStores\":{\"$set\":\"x\"}}", 400, Map.of()),
                arguments(
                        "operator as a preferred store",
                        "{\"preferredStores\":{\"demo-brand\":{\"$ne\":null}}}",
                        400,
                        Map.of()),
                arguments("malformed JSON", "{\"displayName\":", 400, Map.of()),
                arguments("oversized body", "{\"displayName\":\"" + "x".repeat(300 * 1024) + "\"}", 413, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badProfilePatches")
    void badProfilePatchIsAProblemAndChangesNothing(String why, String body, int status, Map<String, String> problem) {
        String alice = newId("alice");
        JsonNode before = getJson(member(alice), "/api/members/me");

        WebTestClient.BodyContentSpec refused = patchProfile(alice, body)
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody();
        problem.forEach((path, value) -> refused.jsonPath(path).isEqualTo(value));

        assertThat(getJson(member(alice), "/api/members/me")).isEqualTo(before);
    }

    /** Join bodies that are refused: an unknown field, an operator, an unknown enum value. No membership comes of it. */
    @ParameterizedTest
    @ValueSource(strings = {"{\"memberNumber\":1}", "{\"inviteCode\":{\"$gt\":\"\"}}", "{\"source\":\"HACKED\"}"})
    void badJoinIsAProblemAndChangesNothing(String body) {
        String alice = newId("alice");
        JsonNode before = getJson(member(alice), "/api/members/me");

        web.mutateWith(member(alice))
                .post()
                .uri("/api/members/me/brands/demo-brand/membership")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(getJson(member(alice), "/api/members/me")).isEqualTo(before);
        web.mutateWith(member(alice))
                .get()
                .uri("/api/members/me/brands/demo-brand/membership")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void consentWithAnOperatorIsRefusedAndNotRecorded() {
        String alice = newId("alice");

        web.mutateWith(member(alice))
                .post()
                .uri("/api/members/me/consents/demo-brand")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"granted\":true,\"textVersion\":{\"$where\":\"1\"},\"channel\":\"APP\"}")
                .exchange()
                .expectStatus()
                .isBadRequest();

        web.mutateWith(member(alice))
                .get()
                .uri("/api/members/me/consents/demo-brand")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/brands/demo-brand/members?source=NOPE",
                "/api/brands/demo-brand/members/stats/joins?weeks=1000"
            })
    void badAdminQueryValuesAreRefused(String uri) {
        web.mutateWith(brandAdmin("demo-brand"))
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void aDateBeyondTheCalendarsUsableRangeIsABadRequest() {
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
        web.mutateWith(brandAdmin(brandId))
                .put()
                .uri("/api/brands/{b}", brandId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "N", "slug", "n", "defaultLocale", "en", "timezone", "Asia/Shanghia"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("timezone");
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

    private WebTestClient.ResponseSpec patchProfile(String subject, String json) {
        return web.mutateWith(member(subject))
                .patch()
                .uri("/api/members/me")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange();
    }

    @ParameterizedTest
    @ValueSource(strings = {"wang%00", "%00", "a%0Ab", "%1B"})
    void memberSearchWithControlCharactersIsA400Problem(String q) {
        String brandId = brandWithStore(null);

        web.mutateWith(brandAdmin(brandId))
                .get()
                .uri(java.net.URI.create("/api/brands/" + brandId + "/members?q=" + q))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"joinedFrom=%2B999999999-12-31", "joinedTo=-999999999-01-01", "joinedFrom=10000-01-01"})
    void memberListWithDatesOutsideTheYears1To9999IsA400Problem(String filter) {
        String brandId = brandWithStore(null);

        web.mutateWith(brandAdmin(brandId))
                .get()
                .uri(java.net.URI.create("/api/brands/" + brandId + "/members?" + filter))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
