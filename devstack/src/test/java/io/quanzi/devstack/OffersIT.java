package io.quanzi.devstack;

import static io.quanzi.devstack.GatewayApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * Offers and coupons through the gateway with real Keycloak tokens: a brand admin creates an offer,
 * a member claims it and shows a QR token, staff of the right store redeem it exactly once.
 */
@ExtendWith(RunningStack.class)
class OffersIT {

    private static Stack stack;
    private static Keycloak keycloak;
    private final Http http = Http.api();

    @BeforeAll
    static void connect() {
        stack = RunningStack.stack();
        keycloak = new Keycloak(stack);
    }

    @Test
    void offerIsCreatedClaimedAndRedeemedOnceAtTheRightStore() {
        String ada = keycloak.userToken("ada");
        String otto = keycloak.userToken("otto");
        String alice = keycloak.userToken("alice");
        String bob = keycloak.userToken("bob");
        String sam = keycloak.userToken("sam");
        String kim = keycloak.userToken("kim");

        Http.Reply created = post("/api/offers", ada, offer("demo-brand"), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String offerId = created.json().get("id").asString();
        assertThat(created.json().get("remainingStock").asInt()).isEqualTo(5);

        assertProblem(post("/api/offers", otto, offer("demo-brand"), null), 403, "urn:quanzi:problem:not-your-brand");

        Http.Reply listed = get("/api/offers?brandId=demo-brand", alice);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.body()).contains(offerId);

        String key = "it-" + UUID.randomUUID();
        Http.Reply claimed = post("/api/offers/" + offerId + "/claims", alice, null, key);
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        String couponId = claimed.json().get("id").asString();
        Http.Reply again = post("/api/offers/" + offerId + "/claims", alice, null, key);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(couponId);

        Http.Reply qr = get("/api/coupons/" + couponId + "/qr-token", alice);
        assertThat(qr.status()).as(qr.toString()).isEqualTo(200);
        String token = qr.json().get("token").asString();
        Instant expiresAt = Instant.parse(qr.json().get("expiresAt").asString());
        assertThat(Duration.between(Instant.now(), expiresAt))
                .isBetween(Duration.ofSeconds(20), Duration.ofSeconds(61));

        assertProblem(redeem(kim, token, "demo-store-2"), 403, "urn:quanzi:problem:store-not-redeemable");
        assertProblem(redeem(kim, token, "demo-store-1"), 403, "urn:quanzi:problem:not-your-store");

        Http.Reply redeemed = redeem(sam, token, "demo-store-1");
        assertThat(redeemed.status()).as(redeemed.toString()).isEqualTo(200);
        assertThat(redeemed.json().get("couponId").asString()).isEqualTo(couponId);
        assertThat(redeemed.json().get("storeId").asString()).isEqualTo("demo-store-1");

        Http.Reply secondScan = redeem(sam, token, "demo-store-1");
        assertProblem(secondScan, 409, "urn:quanzi:problem:already-redeemed");
        assertThat(secondScan.json().get("detail").asString())
                .contains("already redeemed at")
                .contains("by store demo-store-1");

        assertProblem(get("/api/coupons/" + couponId, bob), 404, "urn:quanzi:problem:coupon-not-found");
        assertProblem(get("/api/coupons/" + couponId + "/qr-token", bob), 404, "urn:quanzi:problem:coupon-not-found");
        Http.Reply own = get("/api/coupons/" + couponId, alice);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().get("status").asString()).isEqualTo("used");
    }

    @Test
    void membersCannotCreateOffersNorPushFacts() {
        String alice = keycloak.userToken("alice");

        assertProblem(post("/api/offers", alice, offer("demo-brand"), null), 403, "urn:quanzi:problem:forbidden");
        Http.Reply facts = http.send(HttpRequest.newBuilder(
                        URI.create(stack.serviceUrl("offer-service") + "/internal/facts"))
                .header("Authorization", "Bearer " + alice)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"memberId\":\"x\",\"brandId\":\"demo-brand\",\"fact\":\"club-member\",\"present\":true}")));
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
        Http.Reply created = post("/api/offers", ada, body, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String offerId = created.json().get("id").asString();

        assertProblem(
                post("/api/offers/" + offerId + "/claims", bob, null, "it-" + UUID.randomUUID()),
                403,
                "urn:quanzi:problem:not-eligible");

        Http.Reply pushed =
                http.send(HttpRequest.newBuilder(URI.create(stack.serviceUrl("offer-service") + "/internal/facts"))
                        .header("Authorization", "Bearer " + keycloak.serviceToken("community-service"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"memberId\":\"" + bobId + "\",\"brandId\":\"demo-brand\",\"fact\":\"attended-event:"
                                        + eventId + "\",\"present\":true}")));
        assertThat(pushed.status()).as(pushed.toString()).isEqualTo(204);

        Http.Reply claimed = post("/api/offers/" + offerId + "/claims", bob, null, "it-" + UUID.randomUUID());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
    }

    @Test
    void pointsPricedRewardSpendsThePointsOnce() {
        String ada = keycloak.userToken("ada");
        String bob = keycloak.userToken("bob");
        String bobId = GatewayApiIT.claims(bob).get("sub").asString();
        String earnKey = "it-earn-" + UUID.randomUUID();
        Http.Reply earned = http.send(HttpRequest.newBuilder(
                        URI.create(stack.serviceUrl("offer-service") + "/internal/points/earn"))
                .header("Authorization", "Bearer " + keycloak.serviceToken("community-service"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"idempotencyKey\":\"" + earnKey + "\",\"memberId\":\""
                        + bobId + "\",\"brandId\":\"demo-brand\",\"activity\":\"CHECK_IN\",\"sourceRef\":\"it\","
                        + "\"points\":400}")));
        assertThat(earned.status()).as(earned.toString()).isEqualTo(201);
        long balance = earned.json().get("balance").asLong();
        String body = offer("demo-brand")
                .replace("\"DISCOUNT_COUPON\"", "\"POINTS_REWARD\"")
                .replace("\"totalStock\"", "\"pointsPrice\":300,\"totalStock\"");
        Http.Reply created = post("/api/offers", ada, body, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String offerId = created.json().get("id").asString();
        String key = "it-" + UUID.randomUUID();

        Http.Reply claimed = post("/api/offers/" + offerId + "/claims", bob, null, key);
        Http.Reply again = post("/api/offers/" + offerId + "/claims", bob, null, key);

        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        Http.Reply points = get("/api/points/me?brandId=demo-brand", bob);
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

    private Http.Reply get(String path, String token) {
        return http.get(stack.gatewayUrl() + path, "Authorization", "Bearer " + token);
    }

    private Http.Reply post(String path, String token, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request);
    }

    private Http.Reply redeem(String staffToken, String qrToken, String storeId) {
        return post(
                "/api/coupons/redemptions",
                staffToken,
                "{\"token\":\"" + qrToken + "\",\"storeId\":\"" + storeId + "\"}",
                null);
    }
}
