package io.quanzi.offer.offer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.support.OfferServiceTest;
import io.quanzi.offer.support.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class OfferTest extends OfferServiceTest {

    @Autowired
    OfferStock stock;

    @Test
    void brandAdminCreatesAnOfferWithItsStockSplitIntoBuckets() {
        Map<String, Object> body = offerBody();
        body.put("totalStock", 50);
        body.put("type", "POINTS_REWARD");
        body.put("pointsPrice", 300);
        body.put("eligibility", Map.of("tiers", List.of("gold"), "facts", List.of("club-member")));

        var created = postOffer(Tokens.brandAdmin("admin-a", BRAND), body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody();

        assertThat(created)
                .containsEntry("brandId", BRAND)
                .containsEntry("type", "POINTS_REWARD")
                .containsEntry("totalStock", 50)
                .containsEntry("remainingStock", 50)
                .containsEntry("pointsPrice", 300)
                .containsEntry("status", "ACTIVE")
                .containsEntry("soldOut", false)
                .containsEntry("redeemableStoreIds", List.of(STORE))
                .containsEntry("eligibility", Map.of("tiers", List.of("gold"), "facts", List.of("club-member")));
        List<Integer> buckets = stock.bucketsRemaining(created.get("id").toString())
                .collectList()
                .block();
        assertThat(buckets).hasSize(8);
        assertThat(buckets.stream().mapToInt(Integer::intValue).sum()).isEqualTo(50);
        assertThat(buckets).allSatisfy(share -> assertThat(share).isBetween(6, 7));
    }

    @Test
    void tinyStockGetsNoEmptyBuckets() {
        Map<String, Object> body = offerBody();
        body.put("totalStock", 3);

        String offerId = createOffer(body);

        assertThat(stock.bucketsRemaining(offerId).collectList().block()).containsExactly(1, 1, 1);
    }

    @Test
    void brandAdminEditsAnOffer() {
        String offerId = createOffer();

        admin().patch()
                .uri("/api/offers/{id}", offerId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "title", "15% off", "redeemableStoreIds", List.of(STORE, OTHER_STORE), "perMemberLimit", 3))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("15% off")
                .jsonPath("$.perMemberLimit")
                .isEqualTo(3)
                .jsonPath("$.description")
                .isEqualTo("Ten percent off any drink")
                .jsonPath("$.redeemableStoreIds.length()")
                .isEqualTo(2);
    }

    @Test
    void anOfferCanOnlyBeRedeemableAtStoresOfItsOwnBrand() {
        String foreignStore = "store-b-" + System.nanoTime();
        registerStore(OTHER_BRAND, foreignStore);
        Map<String, Object> body = offerBody();
        body.put("title", "Foreign store " + foreignStore);
        body.put("redeemableStoreIds", List.of(STORE, foreignStore, "store-nobody-registered"));

        postOffer(Tokens.brandAdmin("admin-a", BRAND), body)
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:store-not-of-brand")
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString())
                        .contains(foreignStore, "store-nobody-registered")
                        .doesNotContain(STORE + ","));
        assertThat(mongo.count(Query.query(Criteria.where("title").is("Foreign store " + foreignStore)), "offers")
                        .block())
                .as("nothing was created")
                .isZero();

        String offerId = createOffer();
        expectProblem(
                admin().patch()
                        .uri("/api/offers/{id}", offerId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("redeemableStoreIds", List.of(foreignStore)))
                        .exchange(),
                422,
                "store-not-of-brand");
        admin().get()
                .uri("/api/offers/managed/{id}", offerId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.redeemableStoreIds")
                .isEqualTo(List.of(STORE));
    }

    @Test
    void addingStockToASoldOutOfferOpensItAgain() {
        String offerId = lastUnitOffer();
        claimCoupon(newMemberId(), offerId);
        expectProblem(claim(newMemberId(), offerId, newKey()), 409, "sold-out");

        admin().patch()
                .uri("/api/offers/{id}", offerId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("totalStock", 4))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.totalStock")
                .isEqualTo(4)
                .jsonPath("$.remainingStock")
                .isEqualTo(3)
                .jsonPath("$.soldOut")
                .isEqualTo(false);

        claimCoupon(newMemberId(), offerId);
        claimCoupon(newMemberId(), offerId);
        claimCoupon(newMemberId(), offerId);
        expectProblem(claim(newMemberId(), offerId, newKey()), 409, "sold-out");
    }

    @Test
    void pauseResumeAndCloseMoveTheStatusAndCloseIsFinal() {
        String offerId = createOffer();

        action("pause", offerId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PAUSED");
        action("pause", offerId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PAUSED");
        action("resume", offerId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE");
        action("close", offerId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CLOSED");

        expectProblem(action("resume", offerId), 409, "offer-closed");
        expectProblem(action("pause", offerId), 409, "offer-closed");
        expectProblem(
                admin().patch()
                        .uri("/api/offers/{id}", offerId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("title", "back"))
                        .exchange(),
                409,
                "offer-closed");
    }

    @Test
    void membersListOnlyActiveOffersTheyAreEligibleFor() {
        String brand = "brand-list-" + System.nanoTime();
        String open = createFor(brand, Map.of());
        String upcoming = createFor(
                brand,
                Map.of("validFrom", clock.instant().plus(Duration.ofHours(2)).toString()));
        String coreGroupOnly = createFor(brand, Map.of("eligibility", Map.of("facts", List.of("core-group:c1"))));
        String goldOnly = createFor(brand, Map.of("eligibility", Map.of("tiers", List.of("gold"))));
        String paused = createFor(brand, Map.of());
        action("pause", paused, brand).expectStatus().isOk();
        String closed = createFor(brand, Map.of());
        action("close", closed, brand).expectStatus().isOk();
        String member = newMemberId();

        assertThat(listed(member, brand)).containsExactlyInAnyOrder(open, upcoming);

        pushFact(member, brand, "core-group:c1", true);
        assertThat(listed(member, brand)).containsExactlyInAnyOrder(open, upcoming, coreGroupOnly);

        pushFact(member, brand, "core-group:c1", false);
        assertThat(listed(member, brand)).containsExactlyInAnyOrder(open, upcoming);
        assertThat(listed(member, brand)).doesNotContain(goldOnly); // a new member is in the lowest tier
    }

    @Test
    void upcomingDropIsListedAsNotStartedYet() {
        String brand = "brand-drop-" + System.nanoTime();
        String drop = createFor(
                brand,
                Map.of("validFrom", clock.instant().plus(Duration.ofHours(2)).toString()));

        web.mutateWith(Tokens.member(newMemberId()))
                .get()
                .uri("/api/offers/{id}", drop)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.started")
                .isEqualTo(false)
                .jsonPath("$.soldOut")
                .isEqualTo(false)
                .jsonPath("$.totalStock")
                .doesNotExist();
    }

    @Test
    void memberCannotSeeAnOfferTheyAreNotEligibleFor() {
        String offerId = createFor(BRAND, Map.of("eligibility", Map.of("facts", List.of("core-group:secret"))));

        expectProblem(
                web.mutateWith(Tokens.member(newMemberId()))
                        .get()
                        .uri("/api/offers/{id}", offerId)
                        .exchange(),
                404,
                "offer-not-found");
    }

    @Test
    void brandAdminListsAllOffersOfTheirBrand() {
        String brand = "brand-managed-" + System.nanoTime();
        String first = createFor(brand, Map.of());
        String second = createFor(brand, Map.of());
        action("close", second, brand).expectStatus().isOk();

        web.mutateWith(Tokens.brandAdmin("admin", brand))
                .get()
                .uri("/api/offers/managed?brandId=" + brand)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(2)
                .jsonPath("$[?(@.id == '" + first + "')].status")
                .isEqualTo("ACTIVE")
                .jsonPath("$[?(@.id == '" + second + "')].status")
                .isEqualTo("CLOSED");
    }

    private String createFor(String brand, Map<String, Object> changes) {
        String store = brand + "-store";
        registerStore(brand, store);
        Map<String, Object> body = offerBody();
        body.put("brandId", brand);
        body.put("redeemableStoreIds", List.of(store));
        body.putAll(changes);
        return idOf(postOffer(Tokens.brandAdmin("admin", brand), body));
    }

    @SuppressWarnings("unchecked")
    private List<String> listed(String member, String brand) {
        List<Map<String, Object>> offers = web
                .mutateWith(Tokens.member(member))
                .get()
                .uri("/api/offers?brandId=" + brand)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(Map.class)
                .returnResult()
                .getResponseBody()
                .stream()
                .map(offer -> (Map<String, Object>) offer)
                .toList();
        return offers.stream().map(offer -> offer.get("id").toString()).toList();
    }

    private void pushFact(String member, String brand, String fact, boolean present) {
        web.mutateWith(Tokens.service("community-service"))
                .post()
                .uri("/internal/facts")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", member, "brandId", brand, "fact", fact, "present", present))
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    private WebTestClient admin() {
        return web.mutateWith(Tokens.brandAdmin("admin-a", BRAND));
    }

    private WebTestClient.ResponseSpec action(String action, String offerId) {
        return action(action, offerId, BRAND);
    }

    private WebTestClient.ResponseSpec action(String action, String offerId, String brand) {
        return web.mutateWith(Tokens.brandAdmin("admin", brand))
                .post()
                .uri("/api/offers/{id}/" + action, offerId)
                .exchange();
    }
}
