package io.quanzi.offer.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.support.OfferTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The points endpoints as services, members and brand admins call them. */
class PointsApiTest extends OfferTestSupport {

    @Test
    void internalEarnAnswers201ThenTheSameBodyWith200AndDuplicateTrue() {
        String body =
                """
                {"idempotencyKey": "checkin:1:points", "memberId": "%s", "brandId": "%s",
                 "activity": "CHECK_IN", "sourceRef": "checkin:1"}"""
                        .formatted(memberId, brand);

        JsonNode first = postEarn(body, 201);
        JsonNode repeat = postEarn(body, 200);

        assertThat(first.get("points").asLong()).isEqualTo(50);
        assertThat(first.get("balance").asLong()).isEqualTo(50);
        assertThat(first.get("duplicate").asBoolean()).isFalse();
        assertThat(first.get("memberId").asString()).isEqualTo(memberId);
        assertThat(repeat.get("entryId")).isEqualTo(first.get("entryId"));
        assertThat(repeat.get("balance")).isEqualTo(first.get("balance"));
        assertThat(repeat.get("duplicate").asBoolean()).isTrue();
        assertThat(balance(memberId, brand)).isEqualTo(50);
    }

    @Test
    void internalEarnWithTheSameKeyAndAnotherBodyIs409() {
        earn(memberId, brand, "CHECK_IN", null, "k");

        web.mutateWith(service("community-service"))
                .post()
                .uri("/internal/points/earn")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"idempotencyKey": "k", "memberId": "%s", "brandId": "%s", "activity": "CHECK_IN",
                         "sourceRef": "test:k", "points": 999}"""
                                .formatted(memberId, brand))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:idempotency-key-reused");
        assertThat(balance(memberId, brand)).isEqualTo(50);
    }

    @Test
    void pointsOverrideReplacesTheBrandRule() {
        Map<String, Object> earned = earn(memberId, brand, "CHECK_IN", 30L, "event:attend");

        assertThat(earned.get("points")).isEqualTo(30);
    }

    @Test
    void internalReverseTakesBackTheWholeEarningOnce() {
        earn(memberId, brand, "REFERRAL_REFERRER", null, "ref:1");
        String body =
                """
                {"idempotencyKey": "ref:1:reverse", "memberId": "%s", "brandId": "%s",
                 "reversesKey": "ref:1", "reason": "referee cancelled"}"""
                        .formatted(memberId, brand);

        web.mutateWith(service("member-service"))
                .post()
                .uri("/internal/points/reverse")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.points")
                .isEqualTo(-100)
                .jsonPath("$.balance")
                .isEqualTo(0);
        web.mutateWith(service("member-service"))
                .post()
                .uri("/internal/points/reverse")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.duplicate")
                .isEqualTo(true);
        assertThat(balance(memberId, brand)).isZero();
    }

    @Test
    void reversingAnUnknownEarningIs404() {
        web.mutateWith(service("member-service"))
                .post()
                .uri("/internal/points/reverse")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"idempotencyKey": "x", "memberId": "%s", "brandId": "%s",
                         "reversesKey": "never-earned", "reason": "?"}"""
                                .formatted(memberId, brand))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void memberWithoutAccountHasZeroAndTheLowestTier() {
        web.mutateWith(service("member-service"))
                .get()
                .uri("/internal/points/members/{memberId}?brandId={brand}", memberId, brand)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .json("""
                        {"memberId": "%s", "brandId": "%s", "balance": 0, "tier": "Fan"}"""
                        .formatted(memberId, brand));
    }

    @Test
    void memberSeesBalanceTierAndProgressToTheNextTier() {
        earn(memberId, brand, "CHECK_IN", null, "c1");
        earn(memberId, brand, "CLUB_JOIN", null, "j1");

        web.mutateWith(member(memberId))
                .get()
                .uri("/api/points/me?brandId=" + brand)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.memberId")
                .isEqualTo(memberId)
                .jsonPath("$.balance")
                .isEqualTo(70)
                .jsonPath("$.earnedInWindow")
                .isEqualTo(70)
                .jsonPath("$.tier.name")
                .isEqualTo("Fan")
                .jsonPath("$.nextTier.name")
                .isEqualTo("Core fan")
                .jsonPath("$.nextTier.pointsNeeded")
                .isEqualTo(430)
                .jsonPath("$.expiringSoon.points")
                .isEqualTo(0);
    }

    @Test
    void historyPagesNewestFirstWithACursor() {
        for (int i = 0; i < 5; i++) {
            earn(memberId, brand, "CHECK_IN", (long) (i + 1), "h" + i);
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = web.mutateWith(member(memberId))
                    .get()
                    .uri("/api/points/me/history?brandId=" + brand + "&limit=2"
                            + (cursor == null ? "" : "&cursor=" + cursor))
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();
            page.get("items").forEach(item -> seen.add(item.get("points").asLong()));
            cursor = page.get("nextCursor").isNull()
                    ? null
                    : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(seen).containsExactly(5L, 4L, 3L, 2L, 1L);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void tierHistoryShowsTheUpgrade() {
        earn(memberId, brand, "CHECK_IN", 500L, "big");

        web.mutateWith(member(memberId))
                .get()
                .uri("/api/points/me/tier-history?brandId=" + brand)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.tier")
                .isEqualTo("Core fan")
                .jsonPath("$.history[1].tier")
                .isEqualTo("Core fan")
                .jsonPath("$.history[1].previousTier")
                .isEqualTo("Fan");
    }

    @Test
    void brandAdminAdjustsPointsAndTheEntryKeepsWhoWhenAndWhy() {
        web.mutateWith(brandAdmin("ada", brand))
                .post()
                .uri("/api/points/brands/{brand}/adjustments", brand)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"memberId": "%s", "points": 75, "reason": "goodwill after a late delivery",
                         "idempotencyKey": "adj-1"}"""
                                .formatted(memberId))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.points")
                .isEqualTo(75)
                .jsonPath("$.balance")
                .isEqualTo(75)
                .jsonPath("$.adjustedBy")
                .isEqualTo("ada");

        PointsEntry entry = mongo.findOne(
                        Query.query(Criteria.where("brandId")
                                .is(brand)
                                .and("idempotencyKey")
                                .is("adjust:adj-1")),
                        PointsEntry.class)
                .block();
        assertThat(entry.actor()).isEqualTo("admin:ada");
        assertThat(entry.reason()).isEqualTo("goodwill after a late delivery");
        assertThat(entry.createdAt()).isEqualTo(clock.instant());
        assertThat(entry.type()).isEqualTo(EntryType.ADJUST);
    }

    @Test
    void deductionBeyondTheBalanceIsRefused() {
        earn(memberId, brand, "CHECK_IN", null, "c");

        web.mutateWith(brandAdmin("ada", brand))
                .post()
                .uri("/api/points/brands/{brand}/adjustments", brand)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                        """
                        {"memberId": "%s", "points": -51, "reason": "correction", "idempotencyKey": "adj-2"}"""
                                .formatted(memberId))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:insufficient-points");
        assertThat(balance(memberId, brand)).isEqualTo(50);
    }

    private JsonNode postEarn(String body, int status) {
        return web.mutateWith(service("community-service"))
                .post()
                .uri("/internal/points/earn")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }
}
