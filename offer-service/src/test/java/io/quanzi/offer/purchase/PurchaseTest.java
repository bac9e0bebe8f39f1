package io.quanzi.offer.purchase;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.support.OfferTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** Staff record purchases at their store; the member earns 1 point per 1.00 by default. */
class PurchaseTest extends OfferTestSupport {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    PurchaseRecovery recovery;

    String brand;
    String store;
    String memberId;

    @BeforeEach
    void registeredStore() {
        brand = newId("brand");
        store = newId("store");
        memberId = newId("member");
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
