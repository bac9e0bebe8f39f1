package io.quanzi.devstack;

import static io.quanzi.devstack.GatewayApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Offers and coupons through the gateway with real Keycloak tokens: a brand admin creates an offer,
 * a member claims it and shows a QR token, staff of the right store redeem it exactly once.
 */
@ExtendWith(RunningStack.class)
class OffersIT {

    private final Stack stack = RunningStack.stack();
    private final Keycloak keycloak = new Keycloak(stack);
    private final Api gateway = new Api(stack.gatewayUrl());
    private final Api offerService = new Api(stack.serviceUrl("offer-service"));
    private final Http http = Http.api();

    @Test
    void offerIsCreatedClaimedAndRedeemedOnceAtTheRightStore() {
        String ada = keycloak.userToken("ada");
        String otto = keycloak.userToken("otto");
        String alice = keycloak.userToken("alice");
        String bob = keycloak.userToken("bob");
        String sam = keycloak.userToken("sam");
        String kim = keycloak.userToken("kim");

        Http.Reply created = gateway.post("/api/offers", ada, offer("demo-brand"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String offerId = created.json().get("id").asString();
        assertThat(created.json().get("remainingStock").asInt()).isEqualTo(5);

        assertProblem(
                gateway.post("/api/offers", otto, offer("demo-brand")),
                403,
                "urn:quanzi:problem:not-brand-admin-of-brand");

        Http.Reply listed = gateway.get("/api/offers?brandId=demo-brand", alice);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.body()).contains(offerId);

        String key = "it-" + UUID.randomUUID();
        Http.Reply claimed = claim(offerId, alice, key);
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        String couponId = claimed.json().get("id").asString();
        Http.Reply again = claim(offerId, alice, key);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(couponId);

        Http.Reply qr = gateway.get("/api/coupons/" + couponId + "/qr-token", alice);
        assertThat(qr.status()).as(qr.toString()).isEqualTo(200);
        String token = qr.json().get("token").asString();
        Instant expiresAt = Instant.parse(qr.json().get("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expiresAt))
                .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(61));

        assertProblem(redeem(kim, token, "demo-store-2"), 403, "urn:quanzi:problem:store-not-redeemable");
        assertProblem(redeem(kim, token, "demo-store-1"), 403, "urn:quanzi:problem:not-staff-of-store");

        Http.Reply redeemed = redeem(sam, token, "demo-store-1");
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
        assertThat(redeemed.json().get("couponId").asString()).isEqualTo(couponId);
        assertThat(redeemed.json().get("storeId").asString()).isEqualTo("demo-store-1");

        Http.Reply secondScan = redeem(sam, token, "demo-store-1");
        assertProblem(secondScan, 409, "urn:quanzi:problem:already-redeemed");
        assertThat(secondScan.json().get("detail").asString())
                .contains("already redeemed at")
                .contains("by store demo-store-1");

        assertProblem(gateway.get("/api/coupons/" + couponId, bob), 404, "urn:quanzi:problem:coupon-not-found");
        assertProblem(
                gateway.get("/api/coupons/" + couponId + "/qr-token", bob), 404, "urn:quanzi:problem:coupon-not-found");
        Http.Reply own = gateway.get("/api/coupons/" + couponId, alice);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().get("status").asString()).isEqualTo("used");
    }

    @Test
    void membersCannotCreateOffersNorPushFacts() {
        String alice = keycloak.userToken("alice");

        assertProblem(gateway.post("/api/offers", alice, offer("demo-brand")), 403, "urn:quanzi:problem:forbidden");
        Http.Reply facts = offerService.post(
                "/internal/facts",
                alice,
                "{\"memberId\":\"x\",\"brandId\":\"demo-brand\",\"fact\":\"club-member\",\"present\":true}");
        assertProblem(facts, 403, "urn:quanzi:problem:forbidden");
    }

    @Test
    void serviceAccountPushesAFactThatOpensAnOffer() {
        String ada = keycloak.userToken("ada");
        String bob = keycloak.userToken("bob");
        String bobId = GatewayApiIT.claims(bob).get("sub").asString();
        String eventId = "ev-" + System.nanoTime();
        String body = offer("demo-brand")
                .replace("\"DISCOUNT_COUPON\"", "\"EVENT_EXCLUSIVE\"")
                .replace(
                        "\"totalStock\"",
                        "\"eligibility\":{\"facts\":[\"attended-event:" + eventId + "\"]},\"totalStock\"");
        Http.Reply created = gateway.post("/api/offers", ada, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String offerId = created.json().get("id").asString();

        assertProblem(claim(offerId, bob, "it-" + UUID.randomUUID()), 403, "urn:quanzi:problem:not-eligible");

        Http.Reply pushed = offerService.post(
                "/internal/facts",
                keycloak.serviceToken("community-service"),
                "{\"memberId\":\"" + bobId + "\",\"brandId\":\"demo-brand\",\"fact\":\"attended-event:" + eventId
                        + "\",\"present\":true}");
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(204);

        Http.Reply claimed = claim(offerId, bob, "it-" + UUID.randomUUID());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
    }

    @Test
    void pointsPricedRewardSpendsThePointsOnce() {
        String ada = keycloak.userToken("ada");
        String bob = keycloak.userToken("bob");
        String bobId = GatewayApiIT.claims(bob).get("sub").asString();
        String earnKey = "it-earn-" + UUID.randomUUID();
        Http.Reply earned = offerService.post(
                "/internal/points/earn",
                keycloak.serviceToken("community-service"),
                "{\"idempotencyKey\":\"" + earnKey + "\",\"memberId\":\"" + bobId
                        + "\",\"brandId\":\"demo-brand\",\"activity\":\"CHECK_IN\",\"sourceRef\":\"it\","
                        + "\"points\":400}");
        assertThat(earned.status()).as(earned.toString()).isEqualTo(201);
        long balance = earned.json().get("balance").asLong();
        String body = offer("demo-brand")
                .replace("\"DISCOUNT_COUPON\"", "\"POINTS_REWARD\"")
                .replace("\"totalStock\"", "\"pointsPrice\":300,\"totalStock\"");
        Http.Reply created = gateway.post("/api/offers", ada, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String offerId = created.json().get("id").asString();
        String key = "it-" + UUID.randomUUID();

        Http.Reply claimed = claim(offerId, bob, key);
        Http.Reply again = claim(offerId, bob, key);

        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        Http.Reply points = gateway.get("/api/points/me?brandId=demo-brand", bob);
        assertThat(points.status()).as(points.toString()).isEqualTo(200);
        assertThat(points.json().get("balance").asLong()).as("charged once").isEqualTo(balance - 300);
    }

    @Test
    void qrTokenKeysArePublicThroughTheGateway() {
        Http.Reply jwks = http.get(stack.gatewayUrl() + "/api/coupons/jwks", "Accept", "application/json");

        assertThat(jwks.status()).as(jwks.toString()).isEqualTo(200);
        JsonNode key = jwks.json().get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("EC");
        assertThat(key.get("crv").asString()).isEqualTo("P-256");
        assertThat(key.has("d")).as("no private part").isFalse();
    }

    private static String offer(String brandId) {
        Instant now = Instant.now();
        return """
                {"brandId":"%s","type":"DISCOUNT_COUPON","title":"IT coffee","description":"One free refill",
                 "validFrom":"%s","validUntil":"%s","redeemableStoreIds":["demo-store-1"],
                 "totalStock":5,"perMemberLimit":1}"""
                .formatted(brandId, now.minusSeconds(60), now.plus(Duration.ofDays(1)));
    }

    private Http.Reply claim(String offerId, String token, String idempotencyKey) {
        return gateway.post("/api/offers/" + offerId + "/claims", token, null, "Idempotency-Key", idempotencyKey);
    }

    private Http.Reply redeem(String staffToken, String qrToken, String storeId) {
        return gateway.post(
                "/api/coupons/redemptions",
                staffToken,
                "{\"token\":\"" + qrToken + "\",\"storeId\":\"" + storeId + "\"}");
    }
}
