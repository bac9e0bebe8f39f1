package io.quanzi.offer.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.support.OfferTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Bad input gets a 4xx problem and changes nothing: after every case the member's balance and
 * ledger entries are exactly as before, and no purchase was stored.
 */
class PointsBadInputTest extends OfferTestSupport {

    String store;
    long entriesBefore;

    @BeforeEach
    void memberWith100Points() {
        store = newId("store");
        registerStore(brand, store);
        earn(memberId, brand, "CHECK_IN", 100L, "seed");
        entriesBefore = entries();
    }

    @AfterEach
    void nothingChanged() {
        assertThat(balance(memberId, brand)).isEqualTo(100);
        assertThat(entries()).isEqualTo(entriesBefore);
        assertThat(mongo.count(Query.query(Criteria.where("brandId").is(brand)), "purchases")
                        .block())
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"points\": -5",
                "\"points\": 0",
                "\"points\": 1000000000000",
                "\"points\": 99999999999999999999999",
                "\"points\": \"ten\"",
                "\"points\": 1.5",
                "\"points\": true",
                "\"points\": {\"$gt\": 0}",
                "\"activity\": \"SHOPPING\"",
                "\"activity\": {\"$gt\": \"\"}",
                "\"memberId\": {\"$gt\": \"\"}",
                "\"memberId\": \"$where\"",
                "\"memberId\": \"a/b\"",
                "\"brandId\": {\"$ne\": null}",
                "\"idempotencyKey\": {\"$ne\": null}",
                "\"idempotencyKey\": \"\"",
                "\"sourceRef\": [\"a\"]",
                "\"balance\": 1000000"
            })
    void badEarnIsRefused(String field) {
        expect4xx(service("community-service"), "/internal/points/earn", earnBody(field), 400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"amount\": -10",
                "\"amount\": 0",
                "\"amount\": \"0.001\"",
                "\"amount\": 12.345",
                "\"amount\": 1000000000",
                "\"amount\": \"1e400\"",
                "\"amount\": \"abc\"",
                "\"amount\": {\"$gt\": 0}",
                "\"currency\": \"ZZZ\"",
                "\"currency\": \"cny\"",
                "\"currency\": {\"$gt\": \"\"}",
                "\"receiptNumber\": {\"$gt\": \"\"}",
                "\"receiptNumber\": \"\"",
                "\"memberId\": {\"$gt\": \"\"}",
                "\"storeId\": {\"$in\": [\"x\"]}",
                "\"points\": 5000"
            })
    void badPurchaseIsRefused(String field) {
        expect4xx(staff("sam", store), "/api/points/purchases", purchaseBody(field), 400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"points\": 0",
                "\"points\": 1000000000",
                "\"points\": -1000000000",
                "\"points\": \"all\"",
                "\"reason\": \"\"",
                "\"reason\": {\"$gt\": \"\"}",
                "\"memberId\": {\"$gt\": \"\"}",
                "\"createdBy\": \"someone\""
            })
    void badAdjustmentIsRefused(String field) {
        expect4xx(brandAdmin("ada", brand), "/api/points/brands/" + brand + "/adjustments", adjustmentBody(field), 400);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/points/me",
                "/api/points/me?brandId=a/b",
                "/api/points/me?brandId[$gt]=",
                "/api/points/me/history?brandId=%s&cursor=$gt",
                "/api/points/me/history?brandId=%s&limit=0",
                "/api/points/me/history?brandId=%s&limit=1000",
                "/api/points/me/history?brandId=%s&limit=ten"
            })
    void badQueryIsRefused(String uri) {
        web.mutateWith(member(memberId))
                .get()
                .uri(uri.formatted(brand))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @org.junit.jupiter.api.Test
    void notJsonIsRefused() {
        expect4xx(service("community-service"), "/internal/points/earn", "{\"idempotencyKey\": ", 400);
    }

    @org.junit.jupiter.api.Test
    void oversizedBodyIsRefused() {
        String huge = earnBody("\"sourceRef\": \"" + "x".repeat(300_000) + "\"");
        expect4xx(service("community-service"), "/internal/points/earn", huge, 413);
    }

    @org.junit.jupiter.api.Test
    void longSourceRefIsRefused() {
        expect4xx(
                service("community-service"),
                "/internal/points/earn",
                earnBody("\"sourceRef\": \"" + "x".repeat(201) + "\""),
                400);
    }

    private void expect4xx(
            org.springframework.test.web.reactive.server.WebTestClientConfigurer caller,
            String uri,
            String body,
            int status) {
        WebTestClient.ResponseSpec response = web.mutateWith(caller)
                .post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
        response.expectStatus().isEqualTo(status);
        response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** A valid earn for this member with one field replaced (or added) by {@code field}. */
    private String earnBody(String field) {
        return withField(
                "{\"idempotencyKey\": \"bad-1\", \"memberId\": \"%s\", \"brandId\": \"%s\", \"activity\": \"CHECK_IN\","
                                .formatted(memberId, brand)
                        + " \"sourceRef\": \"x\"}",
                field);
    }

    private String purchaseBody(String field) {
        return withField(
                ("{\"brandId\": \"%s\", \"storeId\": \"%s\", \"memberId\": \"%s\", \"receiptNumber\": \"R-9\","
                                + " \"amount\": \"10.00\", \"currency\": \"CNY\"}")
                        .formatted(brand, store, memberId),
                field);
    }

    private String adjustmentBody(String field) {
        return withField(
                "{\"memberId\": \"%s\", \"points\": 10, \"reason\": \"test\", \"idempotencyKey\": \"adj\"}"
                        .formatted(memberId),
                field);
    }

    /** Replaces the named field's value in a flat JSON object, or appends the field. */
    private static String withField(String json, String field) {
        String name = field.substring(0, field.indexOf(':'));
        String replaced = json.replaceFirst(
                java.util.regex.Pattern.quote(name) + ":\\s*(\"[^\"]*\"|[^,}]*)",
                java.util.regex.Matcher.quoteReplacement(field));
        return replaced.equals(json) && !json.contains(name)
                ? json.substring(0, json.length() - 1) + ", " + field + "}"
                : replaced;
    }

    private long entries() {
        return mongo.count(
                        Query.query(Criteria.where("brandId")
                                .is(brand)
                                .and("memberId")
                                .is(memberId)),
                        PointsEntry.class)
                .block();
    }
}
