package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The points wallet through the real stack: Keycloak tokens, the gateway for member and staff
 * calls, offer-service's own port for the internal (service-to-service) calls, which the gateway
 * never routes.
 */
@ExtendWith(RunningStack.class)
class PointsWalletIT {

    private final Stack stack = RunningStack.stack();
    private final Keycloak keycloak = new Keycloak(stack);
    private final Api gateway = new Api(stack.gatewayUrl());
    private final Api offerService = new Api(stack.serviceUrl("offer-service"));

    @Test
    void serviceEarnsPointsForAliceAndAliceReadsThem() {
        String alice = keycloak.userToken("alice");
        String aliceId = GatewayApiIT.claims(alice).get("sub").asString();
        long before = myBalance(alice);
        String earn =
                """
                {"idempotencyKey": "it-%s", "memberId": "%s", "brandId": "demo-brand",
                 "activity": "CHECK_IN", "sourceRef": "it:check-in"}"""
                        .formatted(UUID.randomUUID(), aliceId);

        Http.Reply first = offerService.post("/internal/points/earn", keycloak.serviceToken("community-service"), earn);
        Http.Reply repeat =
                offerService.post("/internal/points/earn", keycloak.serviceToken("community-service"), earn);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("memberId").asString()).isEqualTo(aliceId);
        assertThat(repeat.status()).as(repeat.toString()).isEqualTo(200);
        assertThat(repeat.json().get("duplicate").asBoolean()).isTrue();
        assertThat(repeat.json().get("entryId")).isEqualTo(first.json().get("entryId"));

        Http.Reply me = gateway.get("/api/points/me?brandId=demo-brand", alice);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("memberId").asString()).isEqualTo(aliceId);
        assertThat(me.json().get("balance").asLong())
                .isEqualTo(before + first.json().get("points").asLong());
        assertThat(me.json().get("tier").get("name").asString()).isNotBlank();
    }

    @Test
    void samRecordsAPurchaseAtDemoStore1ForAlice() {
        Http.Reply registered = offerService.send(
                "PUT",
                "/internal/brands/demo-brand/stores/demo-store-1",
                keycloak.serviceToken("member-service"),
                null);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(204);
        String alice = keycloak.userToken("alice");
        String aliceId = GatewayApiIT.claims(alice).get("sub").asString();
        long before = myBalance(alice);

        Http.Reply recorded = gateway.post(
                "/api/points/purchases",
                keycloak.userToken("sam"),
                """
                {"brandId": "demo-brand", "storeId": "demo-store-1", "memberId": "%s",
                 "receiptNumber": "IT-%s", "amount": "25.50", "currency": "CNY"}"""
                        .formatted(aliceId, UUID.randomUUID()));

        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        JsonNode purchase = recorded.json();
        assertThat(purchase.get("status").asString()).isEqualTo("RECORDED");
        assertThat(purchase.get("points").asLong()).isGreaterThanOrEqualTo(25);
        assertThat(myBalance(alice)).isEqualTo(before + purchase.get("points").asLong());
    }

    @Test
    void bobCannotSeeAlicesPoints() {
        String aliceId =
                GatewayApiIT.claims(keycloak.userToken("alice")).get("sub").asString();
        String bob = keycloak.userToken("bob");
        String bobId = GatewayApiIT.claims(bob).get("sub").asString();

        Http.Reply own = gateway.get("/api/points/me?brandId=demo-brand&memberId=" + aliceId, bob);
        Http.Reply internal = offerService.get("/internal/points/members/" + aliceId + "?brandId=demo-brand", bob);

        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().get("memberId").asString()).isEqualTo(bobId);
        assertThat(internal.status()).as(internal.toString()).isEqualTo(403);
        assertThat(internal.contentType()).startsWith("application/problem+json");
    }

    @Test
    void kimCannotRecordAPurchaseAtDemoStore1() {
        String aliceId =
                GatewayApiIT.claims(keycloak.userToken("alice")).get("sub").asString();

        Http.Reply refused = gateway.post(
                "/api/points/purchases",
                keycloak.userToken("kim"),
                """
                {"brandId": "demo-brand", "storeId": "demo-store-1", "memberId": "%s",
                 "receiptNumber": "IT-KIM-%s", "amount": "99.00", "currency": "CNY"}"""
                        .formatted(aliceId, UUID.randomUUID()));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:quanzi:problem:not-staff-of-store");
    }

    private long myBalance(String token) {
        Http.Reply me = gateway.get("/api/points/me?brandId=demo-brand", token);
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        return me.json().get("balance").asLong();
    }
}
