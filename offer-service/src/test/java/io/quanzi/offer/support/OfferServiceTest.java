package io.quanzi.offer.support;

import io.quanzi.platform.test.EmbeddedMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context the offer and coupon tests share (the embedded MongoDB-wire server, a
 * movable clock), and fixtures to create offers the way a brand admin does. Tests isolate by using
 * fresh offers and member ids.
 */
@SpringBootTest
@AutoConfigureWebTestClient
@Import(RealTimeTestClock.class)
public abstract class OfferServiceTest {

    public static final String BRAND = "brand-a";
    public static final String OTHER_BRAND = "brand-b";
    public static final String STORE = "store-a1";
    public static final String OTHER_STORE = "store-a2";

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @DynamicPropertySource
    static void embeddedMongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "offer-service-test");
    }

    /** brand-a's two stores, as member-service registers them; offers may only name registered stores. */
    @BeforeEach
    void registerBrandStores() {
        for (String store : List.of(STORE, OTHER_STORE)) {
            registerStore(BRAND, store);
        }
    }

    /** Registers a store of a brand, as member-service does. */
    protected void registerStore(String brandId, String storeId) {
        web.mutateWith(Tokens.service("member-service"))
                .put()
                .uri("/internal/brands/{brandId}/stores/{storeId}", brandId, storeId)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected static String newMemberId() {
        return "m-" + UUID.randomUUID();
    }

    protected static String newKey() {
        return "key-" + UUID.randomUUID();
    }

    /** An offer body a brand-a admin may send: claimable now for a day at store-a1, 10 in stock, 1 each. */
    protected Map<String, Object> offerBody() {
        Instant now = clock.instant();
        Map<String, Object> body = new HashMap<>();
        body.put("brandId", BRAND);
        body.put("type", "DISCOUNT_COUPON");
        body.put("title", "10% off");
        body.put("description", "Ten percent off any drink");
        body.put("imageUrl", "https://img.example.com/ten.png");
        body.put("validFrom", now.minus(Duration.ofMinutes(1)).toString());
        body.put("validUntil", now.plus(Duration.ofDays(1)).toString());
        body.put("redeemableStoreIds", List.of(STORE));
        body.put("totalStock", 10);
        body.put("perMemberLimit", 1);
        return body;
    }

    /** {@code POST /api/offers} as {@code admin}; the body is a map or raw JSON text. */
    protected WebTestClient.ResponseSpec postOffer(JwtMutator admin, Object body) {
        return web.mutateWith(admin)
                .post()
                .uri("/api/offers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** Creates the offer as brand-a's admin and returns its id. */
    protected String createOffer(Map<String, Object> body) {
        return idOf(postOffer(Tokens.brandAdmin("admin-a", BRAND), body));
    }

    protected String createOffer() {
        return createOffer(offerBody());
    }

    /** An offer like {@link #offerBody()} with a single unit in stock. */
    protected String lastUnitOffer() {
        Map<String, Object> body = offerBody();
        body.put("totalStock", 1);
        return createOffer(body);
    }

    protected WebTestClient.ResponseSpec claim(String memberId, String offerId, String key) {
        return web.mutateWith(Tokens.member(memberId))
                .post()
                .uri("/api/offers/{id}/claims", offerId)
                .header("Idempotency-Key", key)
                .exchange();
    }

    /** Claims and returns the new coupon's id. */
    protected String claimCoupon(String memberId, String offerId) {
        return claimCoupon(memberId, offerId, newKey());
    }

    /** Claims with the given key and returns the new coupon's id. */
    protected String claimCoupon(String memberId, String offerId, String key) {
        return idOf(claim(memberId, offerId, key));
    }

    /** {@code GET} of the coupon's QR token as the member. */
    protected WebTestClient.ResponseSpec qrTokenOf(String memberId, String couponId) {
        return web.mutateWith(Tokens.member(memberId))
                .get()
                .uri("/api/coupons/{id}/qr-token", couponId)
                .exchange();
    }

    protected String qrToken(String memberId, String couponId) {
        return qrTokenOf(memberId, couponId)
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .toString();
    }

    protected WebTestClient.ResponseSpec redeem(String token, String storeId, String... staffStores) {
        return web.mutateWith(Tokens.staff(
                        "staff-" + storeId, staffStores.length == 0 ? new String[] {storeId} : staffStores))
                .post()
                .uri("/api/coupons/redemptions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "storeId", storeId))
                .exchange();
    }

    /** Expects 201 Created and returns the new resource's id. */
    protected static String idOf(WebTestClient.ResponseSpec created) {
        return created.expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
    }

    protected static void expectProblem(WebTestClient.ResponseSpec response, int status, String slug) {
        response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:" + slug);
    }
}
