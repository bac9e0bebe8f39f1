package io.quanzi.offer.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.support.OfferTestSupport;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Staff record purchases at their store, naming the member by id or by the member number on their
 * card; the member earns 1 point per 1.00 by default.
 */
class PurchaseTest extends OfferTestSupport {

    @Autowired
    PurchaseRecovery recovery;

    String store;

    @BeforeEach
    void registeredStore() {
        store = newId("store");
        registerStore(brand, store);
    }

    @Test
    void staffRecordsAPurchaseAndTheMemberEarnsItsPoints() {
        JsonNode purchase = record(purchaseBody("R-1001", "\"128.90\""), 201);

        assertThat(purchase.get("points").asLong()).isEqualTo(128);
        assertThat(purchase.get("amount").asString()).isEqualTo("128.90");
        assertThat(purchase.get("status").asString()).isEqualTo("RECORDED");
        assertThat(balance(memberId, brand)).isEqualTo(128);
    }

    @Test
    void repeatedReceiptReturnsTheFirstPurchase() {
        JsonNode first = record(purchaseBody("R-1", "42.00"), 201);
        JsonNode repeat = record(purchaseBody("R-1", "\"42\""), 200);

        assertThat(repeat.get("purchaseId")).isEqualTo(first.get("purchaseId"));
        assertThat(repeat.get("duplicate").asBoolean()).isTrue();
        assertThat(balance(memberId, brand)).isEqualTo(42);
    }

    @Test
    void sameReceiptWithAnotherAmountIs409() {
        record(purchaseBody("R-2", "42.00"), 201);

        web.mutateWith(staff("sam", store))
                .post()
                .uri("/api/points/purchases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(purchaseBody("R-2", "420.00"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:receipt-already-recorded");
        assertThat(balance(memberId, brand)).isEqualTo(42);
    }

    @Test
    void refundTakesThePointsBackOnce() {
        String purchaseId =
                record(purchaseBody("R-3", "60.00"), 201).get("purchaseId").asString();

        for (int i = 0; i < 2; i++) {
            web.mutateWith(staff("sam", store))
                    .post()
                    .uri("/api/points/purchases/{id}/refund", purchaseId)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("REFUNDED")
                    .jsonPath("$.refundedPoints")
                    .isEqualTo(60);
        }
        assertThat(balance(memberId, brand)).isZero();
    }

    @Test
    void storeNotRegisteredForTheBrandIsRefused() {
        String otherStore = newId("store");
        web.mutateWith(staff("sam", otherStore))
                .post()
                .uri("/api/points/purchases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(purchaseBody("R-4", "10.00").replace(store, otherStore))
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:store-not-of-brand");
        assertThat(balance(memberId, brand)).isZero();
    }

    @Test
    void purchaseInAnotherCurrencyThanTheBrandsIsRefused() {
        web.mutateWith(staff("sam", store))
                .post()
                .uri("/api/points/purchases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(purchaseBody("R-5", "10.00").replace("CNY", "USD"))
                .exchange()
                .expectStatus()
                .isEqualTo(422);
        assertThat(balance(memberId, brand)).isZero();
    }

    @Test
    void storeRegisteredForAnotherBrandIs409() {
        web.mutateWith(service("member-service"))
                .put()
                .uri("/internal/brands/{brand}/stores/{store}", newId("brand"), store)
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        registerStore(brand, store);
    }

    @Test
    void purchaseRecordedButNotYetEarnedIsFinishedOnceByRecovery() {
        Purchase crashed = mongo.insert(new Purchase(
                        null,
                        brand,
                        store,
                        memberId,
                        "R-6",
                        "33.00",
                        "CNY",
                        "fingerprint",
                        "sam",
                        clock.instant(),
                        PurchaseState.EARNING,
                        null,
                        null,
                        null,
                        null))
                .block();

        clock.advance(Duration.ofSeconds(10));
        recovery.runOnce().block();
        recovery.runOnce().block();

        assertThat(balance(memberId, brand)).isEqualTo(33);
        assertThat(mongo.findById(crashed.id(), Purchase.class).block().state()).isEqualTo(PurchaseState.RECORDED);
    }

    @Test
    void purchaseByMemberNumberEarnsPointsForTheMemberHoldingIt() {
        String other = newId("member");
        clubMember(memberId, 17);
        clubMember(other, 18);

        JsonNode purchase = record(byNumberBody("R-10", 17), 201);

        assertThat(purchase.get("memberId").asString()).isEqualTo(memberId);
        assertThat(purchase.get("points").asLong()).isEqualTo(25);
        assertThat(balance(memberId, brand)).isEqualTo(25);
        assertThat(balance(other, brand)).isZero();
    }

    @Test
    void repeatedReceiptByNumberOrByIdReturnsTheFirstPurchase() {
        clubMember(memberId, 4);
        JsonNode first = record(byNumberBody("R-11", 4), 201);

        JsonNode byNumber = record(byNumberBody("R-11", 4), 200);
        JsonNode byId = record(purchaseBody("R-11", "\"25.00\""), 200);

        assertThat(byNumber.get("purchaseId")).isEqualTo(first.get("purchaseId"));
        assertThat(byId.get("purchaseId")).isEqualTo(first.get("purchaseId"));
        assertThat(byNumber.get("duplicate").asBoolean()).isTrue();
        assertThat(balance(memberId, brand)).isEqualTo(25);
    }

    @Test
    void sameReceiptByTheNumberOfAnotherMemberIs409() {
        String other = newId("member");
        clubMember(memberId, 1);
        clubMember(other, 2);
        record(byNumberBody("R-12", 1), 201);

        expectProblem(recordAs(byNumberBody("R-12", 2)), 409, "receipt-already-recorded");

        assertThat(balance(memberId, brand)).isEqualTo(25);
        assertThat(balance(other, brand)).isZero();
    }

    @Test
    void unknownMemberNumberIsRefusedAndRecordsNothing() {
        clubMember(memberId, 7);
        String otherBrand = newId("brand");
        web.mutateWith(service("member-service"))
                .post()
                .uri("/internal/facts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "memberId",
                        memberId,
                        "brandId",
                        otherBrand,
                        "fact",
                        "club-member",
                        "present",
                        true,
                        "memberNumber",
                        8))
                .exchange()
                .expectStatus()
                .isNoContent();

        for (long number : new long[] {8, 9}) {
            expectProblem(recordAs(byNumberBody("R-13", number)), 422, "unknown-member-number")
                    .jsonPath("$.detail")
                    .isEqualTo("No club member number " + number + " at brand '" + brand + "' (yet).");
        }

        assertThat(purchasesAtStore()).isZero();
        assertThat(balance(memberId, brand)).isZero();
        // Once member-service has told us, the same receipt goes through.
        clubMember(newId("member"), 9);
        record(byNumberBody("R-13", 9), 201);
    }

    @Test
    void memberIdAndMemberNumberTogetherOrNeitherAreRefused() {
        clubMember(memberId, 3);
        String both = purchaseBody("R-14", "10.00").replace("\"memberId\"", "\"memberNumber\": 3, \"memberId\"");
        String neither = byNumberBody("R-14", 3).replace("\"memberNumber\": 3, ", "");

        for (String body : new String[] {both, neither}) {
            expectProblem(recordAs(body), 400, "validation")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("memberIdOrMemberNumber")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("name the member by exactly one of memberId and memberNumber");
        }

        assertThat(purchasesAtStore()).isZero();
        assertThat(balance(memberId, brand)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"$gt\": \"\"}", "{\"$ne\": null}", "[3]", "\"$where\"", "0", "-3", "3.5"})
    void badMemberNumberIsRefused(String memberNumber) {
        clubMember(memberId, 3);

        recordAs(byNumberBody("R-15", 3).replace("\"memberNumber\": 3", "\"memberNumber\": " + memberNumber))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(purchasesAtStore()).isZero();
        assertThat(balance(memberId, brand)).isZero();
    }

    /** What member-service pushes when a member joins the brand's club. */
    private void clubMember(String member, long number) {
        web.mutateWith(service("member-service"))
                .post()
                .uri("/internal/facts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "memberId",
                        member,
                        "brandId",
                        brand,
                        "fact",
                        "club-member",
                        "present",
                        true,
                        "memberNumber",
                        number))
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private long purchasesAtStore() {
        return mongo.count(Query.query(Criteria.where("storeId").is(store)), Purchase.class)
                .block();
    }

    private WebTestClient.ResponseSpec recordAs(String body) {
        return web.mutateWith(staff("sam", store))
                .post()
                .uri("/api/points/purchases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private static WebTestClient.BodyContentSpec expectProblem(
            WebTestClient.ResponseSpec response, int status, String slug) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:" + slug);
    }

    private String byNumberBody(String receipt, long memberNumber) {
        return """
                {"brandId": "%s", "storeId": "%s", "memberNumber": %d, "receiptNumber": "%s",
                 "amount": "25.00", "currency": "CNY"}"""
                .formatted(brand, store, memberNumber, receipt);
    }

    private JsonNode record(String body, int status) {
        return web.mutateWith(staff("sam", store))
                .post()
                .uri("/api/points/purchases")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private String purchaseBody(String receipt, String amountJson) {
        return """
                {"brandId": "%s", "storeId": "%s", "memberId": "%s", "receiptNumber": "%s",
                 "amount": %s, "currency": "CNY"}"""
                .formatted(brand, store, memberId, receipt, amountJson);
    }
}
