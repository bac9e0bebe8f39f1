package io.quanzi.member.club;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.member.MemberServiceTestSupport;
import io.quanzi.member.StubOfferService;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class ClubMembershipTest extends MemberServiceTestSupport {

    @Autowired
    Clubs clubs;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void joiningGivesAMemberNumberAndJoiningAgainReturnsTheSameMembership() {
        String brandId = brandWithStore("store-" + newId("s"));
        String alice = newId("alice");

        web.mutateWith(member(alice))
                .post()
                .uri("/api/members/me/brands/{b}/membership", brandId)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.memberNumber")
                .isEqualTo(1)
                .jsonPath("$.source")
                .isEqualTo("ORGANIC")
                .jsonPath("$.alreadyMember")
                .isEqualTo(false);
        web.mutateWith(member(alice))
                .post()
                .uri("/api/members/me/brands/{b}/membership", brandId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.memberNumber")
                .isEqualTo(1)
                .jsonPath("$.alreadyMember")
                .isEqualTo(true);
        assertThat(join(newId("bob"), brandId, Map.of()).get("memberNumber").asLong())
                .isEqualTo(2);
    }

    @Test
    void concurrentJoinsOfDifferentMembersGetDistinctNumbers() {
        String brandId = brandWithStore(null);

        StepVerifier.create(Flux.range(0, 24)
                        .flatMap(
                                i -> clubs.join("member-" + i, brandId, JoinRequest.EMPTY)
                                        .subscribeOn(Schedulers.parallel()),
                                24)
                        .map(MembershipResponse::memberNumber)
                        .distinct()
                        .count())
                .expectNext(24L)
                .verifyComplete();
    }

    @Test
    void joiningAtAStoreRecordsTheStoreAndSource() {
        String storeId = "store-" + newId("s");
        String brandId = brandWithStore(storeId);

        JsonNode joined = join(newId("alice"), brandId, Map.of("source", "IN_STORE_QR", "storeId", storeId));

        assertThat(joined.get("storeId").asString()).isEqualTo(storeId);
        assertThat(joined.get("source").asString()).isEqualTo("IN_STORE_QR");
    }

    @Test
    void joiningAtAStoreOfAnotherBrandIsRefused() {
        String otherStore = "store-" + newId("s");
        brandWithStore(otherStore);
        String brandId = brandWithStore(null);

        web.mutateWith(member(newId("alice")))
                .post()
                .uri("/api/members/me/brands/{b}/membership", brandId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("storeId", otherStore))
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:store-not-found");
    }

    @Test
    void joiningAnUnknownBrandIsNotFound() {
        web.mutateWith(member(newId("alice")))
                .post()
                .uri("/api/members/me/brands/no-such-brand/membership")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void leavingAndRejoiningKeepsTheMemberNumberAndTellsOfferServiceInOrder() {
        String brandId = brandWithStore(null);
        String alice = newId("alice");
        long number = join(alice, brandId, Map.of()).get("memberNumber").asLong();
        relay();

        leave(alice, brandId);
        web.mutateWith(member(alice))
                .get()
                .uri("/api/members/me/brands/{b}/card", brandId)
                .exchange()
                .expectStatus()
                .isNotFound();
        JsonNode rejoined = join(alice, brandId, Map.of());
        relay();

        assertThat(rejoined.get("memberNumber").asLong()).isEqualTo(number);
        assertThat(rejoined.get("alreadyMember").asBoolean()).isFalse();
        List<JsonNode> facts = callsAbout("/internal/facts", alice).stream()
                .map(StubOfferService.Call::body)
                .toList();
        assertThat(facts).extracting(fact -> fact.get("present").asBoolean()).containsExactly(true, false, true);
        // Joining and rejoining tell offer-service the card's number; leaving does not need it.
        assertThat(facts)
                .extracting(fact ->
                        fact.has("memberNumber") ? fact.get("memberNumber").asLong() : null)
                .containsExactly(number, null, number);
        assertThat(offer.earnKeys()).containsOnlyOnce("club-join:" + brandId + ":" + alice);
    }

    @Test
    void joinPushesTheClubFactAndWelcomePointsOnceAcknowledged() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        offer.answerNext(alice, 500, 500);

        relay();
        relay();
        relay();

        StubOfferService.Call fact =
                callsAbout("/internal/facts", alice).stream().findFirst().orElseThrow();
        assertThat(fact.body().get("fact").asString()).isEqualTo("club-member");
        assertThat(fact.body().get("brandId").asString()).isEqualTo(brandId);
        List<StubOfferService.Call> earns = callsAbout("/internal/points/earn", alice);
        assertThat(earns).hasSize(2);
        assertThat(earns)
                .allSatisfy(call -> assertThat(call.body().get("idempotencyKey").asString())
                        .isEqualTo("club-join:" + brandId + ":" + alice));
        assertThat(earns.get(0).body().get("activity").asString()).isEqualTo("CLUB_JOIN");
        Membership stored = membership(alice, brandId);
        assertThat(stored.outbox())
                .allSatisfy(call -> assertThat(call.pending()).isFalse());
    }

    @Test
    void clubFactQueuedBeforeMemberNumbersWereSentStillDelivers() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        Query aliceAtBrand =
                Query.query(Criteria.where("memberId").is(alice).and("brandId").is(brandId));
        // What an outbox entry written by the previous version looks like: no memberNumber field.
        mongo.updateFirst(aliceAtBrand, new Update().unset("outbox.0.payload.memberNumber"), Membership.class)
                .block();
        assertThat(mongo.findOne(aliceAtBrand, Membership.class)
                        .block()
                        .outbox()
                        .get(0))
                .satisfies(call -> {
                    assertThat(call.text("fact")).isEqualTo("club-member");
                    assertThat(call.number("memberNumber")).isNull();
                });

        relay();

        StubOfferService.Call fact =
                callsAbout("/internal/facts", alice).stream().findFirst().orElseThrow();
        assertThat(fact.body().get("present").asBoolean()).isTrue();
        assertThat(fact.body().has("memberNumber")).isFalse();
        assertThat(mongo.findOne(aliceAtBrand, Membership.class).block().outbox())
                .allSatisfy(call -> assertThat(call.pending()).isFalse());
    }

    @Test
    void conflictingIdempotencyKeyIsMarkedFailedAndNotRetried() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        // Scripted by the earn's own key: the relay sends the club fact and the earn side by side, so
        // which of the two reaches the stub first is not fixed.
        offer.answerNext("club-join:" + brandId + ":" + alice, 409);

        relay();
        relay();

        assertThat(offer.earnKeys()).containsOnlyOnce("club-join:" + brandId + ":" + alice);
        assertThat(callsAbout("/internal/facts", alice)).hasSize(1);
        Membership stored = membership(alice, brandId);
        assertThat(stored.outbox())
                .filteredOn(call -> call.kind().equals("offer-earn"))
                .singleElement()
                .satisfies(call -> assertThat(call.state().name()).isEqualTo("FAILED"));
    }

    @Test
    void cardShowsMemberNumberTierAndQr() {
        String brandId = brandWithStore(null);
        String alice = newId("alice");
        long number = join(alice, brandId, Map.of()).get("memberNumber").asLong();
        offer.tier("GOLD");

        JsonNode card = getJson(member(alice), "/api/members/me/brands/" + brandId + "/card");

        assertThat(card.get("memberNumber").asLong()).isEqualTo(number);
        assertThat(card.get("tier").asString()).isEqualTo("GOLD");
        assertThat(card.get("tierAvailable").asBoolean()).isTrue();
        assertThat(card.get("qrPayload").asString()).isEqualTo("quanzi:member:" + brandId + ":" + number);
        assertThat(card.get("qrSvgDataUrl").asString()).startsWith("data:image/svg+xml;base64,");
        web.mutateWith(member(alice))
                .get()
                .uri("/api/members/me/brands/{b}/card/qr.svg", brandId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(svg -> assertThat(svg).startsWith("<svg"));
    }

    @Test
    void cardStillWorksWithoutTierWhenOfferServiceIsSlowOrDown() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        offer.delayAnswers(Duration.ofSeconds(3));

        long started = System.nanoTime();
        JsonNode slow = getJson(member(alice), "/api/members/me/brands/" + brandId + "/card");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        offer.reset();
        String bob = joinedMember("bob", brandId);
        offer.answerAlways(500);
        JsonNode down = getJson(member(bob), "/api/members/me/brands/" + brandId + "/card");

        for (JsonNode card : List.of(slow, down)) {
            assertThat(card.get("tier").isNull()).as(card.toString()).isTrue();
            assertThat(card.get("tierAvailable").asBoolean()).isFalse();
            assertThat(card.get("memberNumber").asLong()).isPositive();
        }
    }

    @Test
    void brandAdminListsSearchesAndPagesMembers() {
        String storeId = "store-" + newId("s");
        String brandId = brandWithStore(storeId);
        join(newId("m"), brandId, Map.of());
        join(newId("m"), brandId, Map.of("source", "IN_STORE_QR", "storeId", storeId));
        String zoe = newId("zoe");
        web.mutateWith(member(zoe, "Zoe Wang"))
                .post()
                .uri("/api/members/me/brands/{b}/membership", brandId)
                .exchange()
                .expectStatus()
                .isCreated();
        web.mutateWith(member(zoe, "Zoe Wang"))
                .get()
                .uri("/api/members/me")
                .exchange()
                .expectStatus()
                .isOk();

        JsonNode first = getJson(brandAdmin(brandId), "/api/brands/" + brandId + "/members?limit=2");
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("memberNumber").asLong()).isEqualTo(1);
        JsonNode second = getJson(
                brandAdmin(brandId),
                "/api/brands/" + brandId + "/members?limit=2&after="
                        + first.get("nextCursor").asString());
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("nextCursor").isNull()).isTrue();

        JsonNode byName = JSON.readTree(web.mutateWith(brandAdmin(brandId))
                .get()
                .uri(uri -> uri.path("/api/brands/{b}/members")
                        .queryParam("q", "zoe w")
                        .build(brandId))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody());
        assertThat(byName.get("items")).hasSize(1);
        assertThat(byName.get("items").get(0).get("displayName").asString()).isEqualTo("Zoe Wang");
        JsonNode byNumber = getJson(brandAdmin(brandId), "/api/brands/" + brandId + "/members?q=2");
        assertThat(byNumber.get("items")).hasSize(1);
        assertThat(byNumber.get("items").get(0).get("storeId").asString()).isEqualTo(storeId);
        JsonNode bySource = getJson(
                brandAdmin(brandId), "/api/brands/" + brandId + "/members?source=IN_STORE_QR&storeId=" + storeId);
        assertThat(bySource.get("items")).hasSize(1);
        // Join dates are days of the brand's timezone (Asia/Shanghai here), whatever the hour in UTC.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode future =
                getJson(brandAdmin(brandId), "/api/brands/" + brandId + "/members?joinedFrom=" + today.plusDays(1));
        assertThat(future.get("items")).isEmpty();
        JsonNode joinedToday = getJson(
                brandAdmin(brandId), "/api/brands/" + brandId + "/members?joinedFrom=" + today + "&joinedTo=" + today);
        assertThat(joinedToday.get("items")).hasSize(3);
    }

    @Test
    void nameSearchFindsTheBrandsMembersHoweverManyOtherProfilesShareThePrefix() {
        String brandId = brandWithStore(null);
        List<org.bson.Document> others = java.util.stream.IntStream.range(0, 1_200)
                .mapToObj(i -> new org.bson.Document("subject", newId("other")).append("displayName", "Wang " + i))
                .toList();
        mongo.getCollection("member_profiles")
                .flatMap(profiles -> reactor.core.publisher.Mono.from(profiles.insertMany(others)))
                .block();
        String fang = newId("fang");
        web.mutateWith(member(fang, "Wang Fang"))
                .post()
                .uri("/api/members/me/brands/{b}/membership", brandId)
                .exchange()
                .expectStatus()
                .isCreated();
        web.mutateWith(member(fang, "Wang Fang"))
                .get()
                .uri("/api/members/me")
                .exchange()
                .expectStatus()
                .isOk();

        JsonNode found = getJson(brandAdmin(brandId), "/api/brands/" + brandId + "/members?q=wang");

        assertThat(found.get("items")).hasSize(1);
        assertThat(found.get("items").get(0).get("displayName").asString()).isEqualTo("Wang Fang");
        assertThat(found.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void displayNameSearchIsLiteralNotARegularExpression() {
        String brandId = brandWithStore(null);
        join(newId("m"), brandId, Map.of());

        JsonNode found = getJson(brandAdmin(brandId), "/api/brands/" + brandId + "/members?q=.*");

        assertThat(found.get("items")).isEmpty();
    }

    @Test
    void brandAdminExportsMembersAsCsv() {
        String brandId = brandWithStore(null);
        join(newId("m"), brandId, Map.of());
        join(newId("m"), brandId, Map.of());

        web.mutateWith(brandAdmin(brandId))
                .get()
                .uri("/api/brands/{b}/members/export", brandId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(csv -> assertThat(csv.lines().toList())
                        .hasSize(3)
                        .first()
                        .isEqualTo("memberNumber,displayName,status,source,storeId,joinedAt"));
    }

    @Test
    void joinStatsCountThisWeeksJoinsBySource() {
        String brandId = brandWithStore(null);
        join(newId("m"), brandId, Map.of());
        join(newId("m"), brandId, Map.of());
        join(newId("m"), brandId, Map.of("source", "EVENT"));

        JsonNode stats = getJson(brandAdmin(brandId), "/api/brands/" + brandId + "/members/stats/joins?weeks=4");

        assertThat(stats.get("weeks")).hasSize(4);
        JsonNode thisWeek = stats.get("weeks").get(3);
        assertThat(thisWeek.get("total").asLong()).isEqualTo(3);
        assertThat(thisWeek.get("bySource").get("ORGANIC").asLong()).isEqualTo(2);
        assertThat(thisWeek.get("bySource").get("EVENT").asLong()).isEqualTo(1);
        assertThat(stats.get("weeks").get(0).get("total").asLong()).isZero();
    }

    @Test
    void joinStatsWeeksStartOnMondayInTheBrandsTimezone() {
        String brandId = brandWithStore(null); // Asia/Shanghai
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        LocalDate monday = LocalDate.now(shanghai).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Instant weekStart = monday.atStartOfDay(shanghai).toInstant(); // Sunday 16:00 UTC
        joinedAt(joinedMember("m", brandId), brandId, weekStart.plus(Duration.ofMinutes(30)));
        joinedAt(joinedMember("m", brandId), brandId, weekStart.minus(Duration.ofMinutes(30)));

        JsonNode stats = getJson(brandAdmin(brandId), "/api/brands/" + brandId + "/members/stats/joins?weeks=2");

        assertThat(stats.get("timezone").asString()).isEqualTo("Asia/Shanghai");
        JsonNode lastWeek = stats.get("weeks").get(0);
        JsonNode thisWeek = stats.get("weeks").get(1);
        assertThat(thisWeek.get("weekStart").asString()).isEqualTo(monday.toString());
        assertThat(thisWeek.get("total").asLong())
                .as("00:30 on Monday in Shanghai")
                .isEqualTo(1);
        assertThat(lastWeek.get("total").asLong())
                .as("23:30 on Sunday in Shanghai")
                .isEqualTo(1);
    }

    private void joinedAt(String memberId, String brandId, Instant at) {
        mongo.updateFirst(
                        Query.query(Criteria.where("memberId")
                                .is(memberId)
                                .and("brandId")
                                .is(brandId)),
                        new Update().set("joinedAt", at),
                        Membership.class)
                .block();
    }

    private Membership membership(String memberId, String brandId) {
        return mongo.findOne(
                        Query.query(Criteria.where("memberId")
                                .is(memberId)
                                .and("brandId")
                                .is(brandId)),
                        Membership.class)
                .block();
    }

    /** What member-service sent offer-service at {@code path} about the member. */
    private List<StubOfferService.Call> callsAbout(String path, String memberId) {
        return offer.calls(path).stream()
                .filter(call -> call.body().get("memberId").asString().equals(memberId))
                .toList();
    }
}
