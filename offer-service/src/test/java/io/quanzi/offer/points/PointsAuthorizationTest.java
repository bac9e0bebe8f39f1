package io.quanzi.offer.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.support.OfferTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import tools.jackson.databind.JsonNode;

/** Roles from the token, and each caller's own scope: member, store, brand. */
class PointsAuthorizationTest extends OfferTestSupport {

    String alice;
    String bob;
    String store;

    @BeforeEach
    void aliceHasPoints() {
        alice = newId("alice");
        bob = newId("bob");
        store = newId("store");
        registerStore(brand, store);
        earn(alice, brand, "CHECK_IN", 100L, "alice-points");
    }

    @Test
    void memberCannotReadAnotherMembersPoints() {
        web.mutateWith(member(bob))
                .get()
                .uri("/api/points/me?brandId={brand}&memberId={alice}", brand, alice)
                .header("X-Member-Id", alice)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.memberId")
                .isEqualTo(bob)
                .jsonPath("$.balance")
                .isEqualTo(0);
        web.mutateWith(member(bob))
                .get()
                .uri("/api/points/me/history?brandId={brand}&memberId={alice}", brand, alice)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items")
                .isEmpty();
    }

    @Test
    void memberCannotReadAnotherMembersPointsThroughTheInternalApi() {
        web.mutateWith(member(bob))
                .get()
                .uri("/internal/points/members/{alice}?brandId={brand}", alice, brand)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void memberCannotEarnThroughTheInternalApi() {
        web.mutateWith(member(alice))
                .post()
                .uri("/internal/points/earn")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"idempotencyKey": "self-award", "memberId": "%s", "brandId": "%s",
                         "activity": "CHECK_IN", "points": 100000}"""
                                .formatted(alice, brand))
                .exchange()
                .expectStatus()
                .isForbidden();
        web.mutateWith(member(alice))
                .put()
                .uri("/internal/brands/{brand}/stores/{store}", brand, newId("store"))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(balance(alice, brand)).isEqualTo(100);
    }

    @Test
    void memberCannotCallAdminEndpoints() {
        web.mutateWith(member(alice))
                .post()
                .uri("/api/points/brands/{brand}/adjustments", brand)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"memberId": "%s", "points": 1000, "reason": "me", "idempotencyKey": "self"}"""
                                .formatted(alice))
                .exchange()
                .expectStatus()
                .isForbidden();
        readSettings(member(alice)).expectStatus().isForbidden();
        assertThat(balance(alice, brand)).isEqualTo(100);
    }

    @Test
    void memberCannotRecordPurchases() {
        web.mutateWith(member(alice))
                .post()
                .uri("/api/points/purchases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(purchase("R-1"))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(balance(alice, brand)).isEqualTo(100);
    }

    @Test
    void staffCannotRecordAPurchaseAtAStoreNotInTheirStoreIds() {
        web.mutateWith(staff("kim", "another-store"))
                .post()
                .uri("/api/points/purchases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(purchase("R-2"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:not-staff-of-store");
        assertThat(balance(alice, brand)).isEqualTo(100);
    }

    @Test
    void staffCannotRefundAPurchaseOfAnotherStore() {
        String purchaseId = web.mutateWith(staff("sam", store))
                .post()
                .uri("/api/points/purchases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(purchase("R-3"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("purchaseId")
                .asString();

        web.mutateWith(staff("kim", "another-store"))
                .post()
                .uri("/api/points/purchases/{id}/refund", purchaseId)
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(balance(alice, brand)).isEqualTo(110);
    }

    @Test
    void staffCannotReadMembersWallets() {
        web.mutateWith(staff("sam", store))
                .get()
                .uri("/api/points/me?brandId={brand}", brand)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void brandAdminOfOneBrandCannotChangeAnothersSettingsOrPoints() {
        String other = newId("brand");
        putSettings(brandAdmin("otto", other), BRAND_SETTINGS)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:not-brand-admin-of-brand");
        web.mutateWith(brandAdmin("otto", other))
                .post()
                .uri("/api/points/brands/{brand}/adjustments", brand)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"memberId": "%s", "points": -100, "reason": "sabotage", "idempotencyKey": "x"}"""
                                .formatted(alice))
                .exchange()
                .expectStatus()
                .isForbidden();
        readSettings(brandAdmin("otto", other)).expectStatus().isForbidden();

        assertThat(balance(alice, brand)).isEqualTo(100);
        readSettings(brandAdmin("ada", brand))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.custom")
                .isEqualTo(false);
    }

    @Test
    void anonymousCallerGets401() {
        web.get()
                .uri("/api/points/me?brandId={brand}", brand)
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void serviceAccountIsNotAMember() {
        web.mutateWith(SecurityMockServerConfigurers.mockJwt()
                        .jwt(jwt -> jwt.subject(alice))
                        .authorities(new SimpleGrantedAuthority("ROLE_service")))
                .get()
                .uri("/api/points/me?brandId={brand}", brand)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private String purchase(String receipt) {
        return """
                {"brandId": "%s", "storeId": "%s", "memberId": "%s", "receiptNumber": "%s",
                 "amount": "10.00", "currency": "CNY"}"""
                .formatted(brand, store, alice, receipt);
    }
}
