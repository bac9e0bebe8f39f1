package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.support.OfferServiceTest;
import io.quanzi.offer.support.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Negative or huge amounts, wrong types, unknown fields, MongoDB operators in place of values and
 * oversized bodies: each is a problem+json 4xx and changes nothing.
 */
class BadInputTest extends OfferServiceTest {

    private static final Map<String, Object> OPERATOR = Map.of("$gt", "");

    private String offerId;
    private String member;
    private String couponId;
    private Map<String, Long> before;

    @BeforeEach
    void someState() {
        offerId = createOffer();
        member = newMemberId();
        couponId = claimCoupon(member, offerId);
        before = counts();
    }

    @Test
    void offerWithNegativeOrHugeAmountsIsRefused() {
        refusedOffer(body -> body.put("totalStock", -1), 400);
        refusedOffer(body -> body.put("totalStock", 0), 400);
        refusedOffer(body -> body.put("totalStock", 1_000_001), 400);
        refusedOffer(body -> body.put("totalStock", 99_999_999_999L), 400);
        refusedOffer(body -> body.put("perMemberLimit", 0), 400);
        refusedOffer(body -> body.put("perMemberLimit", 101), 400);
        refusedOffer(body -> body.put("pointsPrice", -5), 400);
        refusedOffer(body -> body.put("pointsPrice", new java.math.BigInteger("100000000000000000000000")), 400);
        refusedOffer(body -> body.put("title", "x".repeat(121)), 400);
        refusedOffer(body -> body.put("validUntil", body.get("validFrom")), 400);
        refusedOffer(body -> body.put("type", "POINTS_REWARD"), 400); // without a points price
        refusedOffer(body -> body.put("type", "EVENT_EXCLUSIVE"), 400); // without an attended-event fact
        assertNothingChanged();
    }

    @Test
    void offerWithWrongTypesIsRefused() {
        refusedOffer(body -> body.put("totalStock", "lots"), 400);
        refusedOffer(body -> body.put("validFrom", "yesterday"), 400);
        refusedOffer(body -> body.put("redeemableStoreIds", STORE), 400);
        refusedOffer(body -> body.put("type", "FREE_MONEY"), 400);
        refusedOffer(body -> body.put("eligibility", List.of("gold")), 400);
        refusedOffer(body -> body.put("perMemberLimit", true), 400);
        assertNothingChanged();
    }

    @Test
    void offerWithUnknownFieldsIsRefused() {
        refusedOffer(body -> body.put("soldOut", true), 400);
        refusedOffer(body -> body.put("status", "CLOSED"), 400);
        refusedOffer(body -> body.put("createdBy", "someone"), 400);
        editRefused(Map.of("brandId", OTHER_BRAND));
        editRefused(Map.of("remainingStock", 1000));
        assertNothingChanged();
    }

    @Test
    void mongoOperatorsInPlaceOfValuesAreRefusedEverywhere() {
        for (String field : List.of("brandId", "type", "title", "description", "imageUrl", "validFrom", "totalStock")) {
            refusedOffer(body -> body.put(field, OPERATOR), 400);
        }
        refusedOffer(body -> body.put("redeemableStoreIds", List.of(OPERATOR)), 400);
        refusedOffer(body -> body.put("eligibility", Map.of("facts", List.of(OPERATOR))), 400);
        refusedOffer(body -> body.put("eligibility", Map.of("tiers", List.of("$gt"))), 400);
        editRefused(Map.of("title", OPERATOR));
        editRefused(Map.of("redeemableStoreIds", List.of(Map.of("$ne", ""))));
        refused(fact(Map.of("memberId", OPERATOR, "brandId", BRAND, "fact", "club-member", "present", true)), 400);
        refused(fact(Map.of("memberId", "m", "brandId", "$where", "fact", "club-member", "present", true)), 400);
        refused(redemption(Map.of("token", OPERATOR, "storeId", STORE)), 400);
        refused(redemption(Map.of("token", "t", "storeId", Map.of("$ne", ""))), 400);
        refused(
                web.mutateWith(Tokens.member(member))
                        .get()
                        .uri("/api/offers?brandId={b}", "{\"$gt\":\"\"}")
                        .exchange(),
                400);
        refused(
                web.mutateWith(Tokens.member(member))
                        .get()
                        .uri("/api/coupons/{id}", "{\"$ne\":null}")
                        .exchange(),
                400);
        refused(claim(member, offerId, "{\"$gt\":\"\"}"), 400);
        assertNothingChanged();
    }

    @Test
    void badQueryValuesAreRefused() {
        refused(
                web.mutateWith(Tokens.member(member))
                        .get()
                        .uri("/api/coupons/me?status=all")
                        .exchange(),
                400);
        refused(claim(member, offerId, "short"), 400);
        assertNothingChanged();
    }

    @Test
    void editsWithBadValuesChangeNothing() {
        editRefused(Map.of("totalStock", -3));
        editRefused(Map.of("perMemberLimit", 0));
        editRefused(Map.of("pointsPrice", -1));
        editRefused(Map.of("title", "   "));
        editRefused(Map.of("validUntil", "2000-01-01T00:00:00Z"));
        refused(edit(Map.of("totalStock", 5)), 409); // stock only grows
        web.mutateWith(Tokens.brandAdmin("admin-a", BRAND))
                .get()
                .uri("/api/offers/managed/{id}", offerId)
                .exchange()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("10% off")
                .jsonPath("$.totalStock")
                .isEqualTo(10)
                .jsonPath("$.remainingStock")
                .isEqualTo(9)
                .jsonPath("$.version")
                .doesNotExist();
        assertNothingChanged();
    }

    @Test
    void oversizedBodiesAreRefused() {
        String huge = "x".repeat(300 * 1024);
        refusedOffer(body -> body.put("description", huge), 413);
        refused(redemption(Map.of("token", huge, "storeId", STORE)), 413);
        refused(redemption(Map.of("token", "x".repeat(5000), "storeId", STORE)), 400);
        assertNothingChanged();
    }

    @Test
    void malformedJsonIsRefused() {
        refused(postOffer(Tokens.brandAdmin("admin-a", BRAND), "{\"brandId\": \"brand-a\","), 400);
        assertNothingChanged();
    }

    private void refusedOffer(Consumer<Map<String, Object>> change, int status) {
        Map<String, Object> body = new HashMap<>(offerBody());
        change.accept(body);
        refused(postOffer(Tokens.brandAdmin("admin-a", BRAND), body), status);
    }

    private void editRefused(Map<String, Object> edit) {
        refused(edit(edit), 400);
    }

    private WebTestClient.ResponseSpec edit(Map<String, Object> edit) {
        return web.mutateWith(Tokens.brandAdmin("admin-a", BRAND))
                .patch()
                .uri("/api/offers/{id}", offerId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(edit)
                .exchange();
    }

    private WebTestClient.ResponseSpec fact(Map<String, Object> body) {
        return web.mutateWith(Tokens.service("community-service"))
                .post()
                .uri("/internal/facts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec redemption(Map<String, Object> body) {
        return web.mutateWith(Tokens.staff("s", STORE))
                .post()
                .uri("/api/coupons/redemptions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static void refused(WebTestClient.ResponseSpec response, int status) {
        response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .value(type -> assertThat((String) type).startsWith("urn:quanzi:problem:"))
                .jsonPath("$.detail")
                .isNotEmpty();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        for (String collection : List.of(
                "offers",
                "offer_stock_buckets",
                "offer_claims",
                "offer_member_slots",
                "coupons",
                "coupon_redemptions",
                "coupon_qr_token_uses",
                "member_facts")) {
            counts.put(
                    collection,
                    mongo.getCollection(collection)
                            .flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments(new Document())))
                            .block());
        }
        return counts;
    }

    private void assertNothingChanged() {
        assertThat(counts()).isEqualTo(before);
        web.mutateWith(Tokens.member(member))
                .get()
                .uri("/api/coupons/{id}", couponId)
                .exchange()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("active");
    }

    @Test
    void datesBeyondWhatADatabaseHoldsAreRefused() {
        for (String date :
                List.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "10000-01-01T00:00:00Z")) {
            refusedOffer(body -> body.put("validUntil", date), 400);
            refusedOffer(body -> body.put("validFrom", date), 400);
            editRefused(Map.of("validUntil", date));
        }
        refusedOffer(body -> body.put("validUntil", 253402300799L), 400);
        assertNothingChanged();
    }

    @Test
    void coercibleButWrongTypesAreRefused() {
        refusedOffer(body -> body.put("totalStock", 10.5), 400);
        refusedOffer(body -> body.put("totalStock", "10"), 400);
        refusedOffer(body -> body.put("perMemberLimit", 1.0), 400);
        refusedOffer(body -> body.put("title", 42), 400);
        refusedOffer(body -> body.put("title", true), 400);
        assertNothingChanged();
    }
}
