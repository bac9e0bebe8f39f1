package io.quanzi.member.referral;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.member.MemberServiceTestSupport;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class ReferralRulesTest extends MemberServiceTestSupport {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    Referrals referrals;

    @Test
    void newcomerJoiningWithAnInviteCodeIsAttributedToTheInviter() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        String bob = newId("bob");
        String code = inviteCode(alice, brandId);

        JsonNode joined = join(bob, brandId, Map.of("inviteCode", code));

        assertThat(joined.get("source").asString()).isEqualTo("REFERRAL");
        assertThat(joined.get("referral").get("status").asString()).isEqualTo("ATTRIBUTED");
        assertThat(referralOf(bob, brandId).referrerId()).isEqualTo(alice);
        assertThat(referralOf(bob, brandId).ancestors()).containsExactly(alice);
    }

    @Test
    void inviteHasAShortCodeALinkAndAQrAndStaysTheSame() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);

        JsonNode invite = getJson(member(alice), "/api/members/me/brands/" + brandId + "/invite");

        assertThat(invite.get("code").asString()).matches("[0-9A-Z]{8}");
        assertThat(invite.get("link").asString())
                .isEqualTo("https://quanzi.test/join/" + invite.get("code").asString());
        assertThat(invite.get("qrSvgDataUrl").asString()).startsWith("data:image/svg+xml;base64,");
        assertThat(inviteCode(alice, brandId)).isEqualTo(invite.get("code").asString());
        web.mutateWith(member(alice))
                .get()
                .uri("/api/members/me/brands/{b}/invite/qr.svg", brandId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("image/svg+xml")
                .expectBody(String.class)
                .value(svg -> assertThat(svg).startsWith("<svg").contains("<path"));
    }

    @Test
    void nonMemberGetsNoInvite() {
        String brandId = brandWithStore(null);

        web.mutateWith(member(newId("stranger")))
                .get()
                .uri("/api/members/me/brands/{b}/invite", brandId)
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:club-membership-required");
    }

    @Test
    void selfReferralIsRefusedButTheJoinSucceeds() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        String code = inviteCode(alice, brandId);
        leave(alice, brandId);

        JsonNode rejoined = join(alice, brandId, Map.of("inviteCode", code));

        assertThat(rejoined.get("status").asString()).isEqualTo("ACTIVE");
        assertRefused(rejoined, "self-referral");
        assertThat(referralCount(alice, brandId)).isZero();
    }

    @Test
    void cycleIsRefused() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        String bob = invitedMember("bob", brandId, alice);
        String carol = invitedMember("carol", brandId, bob);
        assertThat(referralOf(carol, brandId).ancestors()).containsExactly(bob, alice);
        leave(alice, brandId);

        JsonNode rejoined = join(alice, brandId, Map.of("inviteCode", inviteCode(carol, brandId)));

        assertRefused(rejoined, "referral-cycle");
        assertThat(referralCount(alice, brandId)).isZero();
    }

    @Test
    void secondAttributionOfTheSameMemberIsRefused() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        String carol = joinedMember("carol", brandId);
        String bob = invitedMember("bob", brandId, alice);
        leave(bob, brandId);

        JsonNode again = join(bob, brandId, Map.of("inviteCode", inviteCode(carol, brandId)));

        assertRefused(again, "already-referred");
        assertThat(referralOf(bob, brandId).referrerId()).isEqualTo(alice);
    }

    @Test
    void unknownCodeIsRefusedButTheJoinSucceeds() {
        String brandId = brandWithStore(null);

        JsonNode joined = join(newId("bob"), brandId, Map.of("inviteCode", "ZZZZZZZZ"));

        assertThat(joined.get("memberNumber").asLong()).isPositive();
        assertRefused(joined, "unknown-invite-code");
    }

    @Test
    void codeOfAnotherBrandIsUnknownHere() {
        String brandA = brandWithStore(null);
        String brandB = brandWithStore(null);
        String alice = joinedMember("alice", brandA);

        assertRefused(
                join(newId("bob"), brandB, Map.of("inviteCode", inviteCode(alice, brandA))), "unknown-invite-code");
    }

    @Test
    void dailyCapStopsFurtherAttributionsOfOneReferrer() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        String code = inviteCode(alice, brandId);

        List<String> statuses = IntStream.range(0, 5)
                .mapToObj(i -> join(newId("friend"), brandId, Map.of("inviteCode", code)))
                .map(joined -> joined.get("referral").get("status").asString())
                .toList();

        assertThat(statuses).containsExactly("ATTRIBUTED", "ATTRIBUTED", "ATTRIBUTED", "REFUSED", "REFUSED");
        JsonNode fourth = join(newId("friend"), brandId, Map.of("inviteCode", code));
        assertRefused(fourth, "daily-cap-reached");
        assertThat(fourth.get("referral").get("detail").asString()).contains("3");
    }

    @Test
    void concurrentJoinsWithTheSameCodeAttributeExactlyOnce() throws Exception {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        String bob = newId("bob");
        String code = inviteCode(alice, brandId);

        var pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<JsonNode>> joins = IntStream.range(0, 8)
                    .mapToObj(i ->
                            CompletableFuture.supplyAsync(() -> join(bob, brandId, Map.of("inviteCode", code)), pool))
                    .toList();
            List<JsonNode> replies = joins.stream().map(CompletableFuture::join).toList();
            assertThat(replies.stream()
                            .map(reply -> reply.get("memberNumber").asLong())
                            .distinct())
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }

        assertThat(referralCount(bob, brandId)).isEqualTo(1);
    }

    @Test
    void concurrentAttributionsOfOneRefereeRecordOneReferral() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        String bob = newId("bob");
        String code = inviteCode(alice, brandId);

        StepVerifier.create(Flux.range(0, 16)
                        .flatMap(i -> referrals.attribute(bob, brandId, code).subscribeOn(Schedulers.parallel()), 16)
                        .filter(Attribution::attributed)
                        .count())
                .expectNext(1L)
                .verifyComplete();
        assertThat(referralCount(bob, brandId)).isEqualTo(1);
    }

    @Test
    void dailyCapHoldsUnderConcurrentJoinsOfManyFriends() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        String code = inviteCode(alice, brandId);

        StepVerifier.create(Flux.range(0, 12)
                        .flatMap(
                                i -> referrals
                                        .attribute(newId("friend"), brandId, code)
                                        .subscribeOn(Schedulers.parallel()),
                                12)
                        .filter(Attribution::attributed)
                        .count())
                .expectNext(3L)
                .verifyComplete();
        assertThat(mongo.count(
                                Query.query(Criteria.where("brandId")
                                        .is(brandId)
                                        .and("referrerId")
                                        .is(alice)),
                                Referral.class)
                        .block())
                .isEqualTo(3);
    }

    @Test
    void milestoneOfAMemberWhoWasNotReferredIsAcceptedAndChangesNothing() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);

        postMilestone(Map.of(
                        "idempotencyKey",
                        "checkin:" + alice,
                        "memberId",
                        alice,
                        "brandId",
                        brandId,
                        "milestone",
                        "FIRST_CHECK_IN",
                        "sourceRef",
                        "checkin-9"))
                .expectStatus()
                .isAccepted();
        relay();

        assertThat(offer.earnKeys()).noneMatch(key -> key.contains(alice + ":FIRST_CHECK_IN"));
        assertThat(mongo.count(Query.query(Criteria.where("brandId").is(brandId)), Referral.class)
                        .block())
                .isZero();
    }

    @Test
    void rewardsAreDeliveredOnceEvenWhenOfferServiceWasDownDuringTheJoin() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        String bob = newId("bob");
        relay();
        offer.reset();
        offer.answerAlways(503);

        join(bob, brandId, Map.of("inviteCode", inviteCode(alice, brandId)));
        relay();
        relay();

        String referrerKey = "referral:" + brandId + ":" + bob + ":referrer";
        String refereeKey = "referral:" + brandId + ":" + bob + ":referee";
        String welcomeKey = "club-join:" + brandId + ":" + bob;
        assertThat(offer.earnKeys()).contains(referrerKey, refereeKey, welcomeKey);
        assertThat(referralOf(bob, brandId).outbox())
                .allSatisfy(call -> assertThat(call.state().name()).isEqualTo("PENDING"));

        offer.answerAlways(0);
        offer.reset();
        relay();
        relay();

        assertThat(offer.earnKeys()).containsOnlyOnce(referrerKey, refereeKey, welcomeKey);
        var referrer = offer.calls("/internal/points/earn").stream()
                .filter(call -> call.body().get("idempotencyKey").asString().equals(referrerKey))
                .findFirst()
                .orElseThrow();
        assertThat(referrer.body().get("memberId").asString()).isEqualTo(alice);
        assertThat(referrer.body().get("activity").asString()).isEqualTo("REFERRAL_REFERRER");
        assertThat(referrer.authorization()).isEqualTo("Bearer stub-service-token");
        assertThat(referralOf(bob, brandId).outbox())
                .allSatisfy(call -> assertThat(call.state().name()).isEqualTo("DONE"));
    }

    @Test
    void firstCheckInMilestoneIsRecordedOnceAndRewardsTheReferrerOnce() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        String bob = invitedMember("bob", brandId, alice);
        Map<String, Object> milestone = Map.of(
                "idempotencyKey",
                "checkin:" + UUID.randomUUID(),
                "memberId",
                bob,
                "brandId",
                brandId,
                "milestone",
                "FIRST_CHECK_IN",
                "sourceRef",
                "checkin-1");

        for (int i = 0; i < 2; i++) {
            postMilestone(milestone).expectStatus().isAccepted();
        }
        relay();

        Referral referral = referralOf(bob, brandId);
        assertThat(referral.milestones())
                .extracting(Referral.Milestone::milestone)
                .containsExactly("FIRST_CHECK_IN");
        String key = "referral:" + brandId + ":" + bob + ":FIRST_CHECK_IN:referrer";
        assertThat(offer.earnKeys()).containsOnlyOnce(key);
    }

    @Test
    void unknownMilestoneIsABadRequest() {
        postMilestone(Map.of(
                        "idempotencyKey", "k-1",
                        "memberId", "m",
                        "brandId", "b",
                        "milestone", "FIRST_PURCHASE",
                        "sourceRef", "x"))
                .expectStatus()
                .isBadRequest();
    }

    @Test
    void leaderboardShowsTopReferrersSpreadAndKFactor() {
        String brandId = brandWithStore(null);
        String alice = joinedMember("alice", brandId);
        String bob = invitedMember("bob", brandId, alice);
        String carol = invitedMember("carol", brandId, alice);
        String dan = invitedMember("dan", brandId, bob);

        JsonNode board = getJson(brandAdmin(brandId), "/api/brands/" + brandId + "/referrals/leaderboard");

        assertThat(board.get("members").asLong()).isEqualTo(4);
        assertThat(board.get("convertedInvites").asLong()).isEqualTo(3);
        assertThat(board.get("kFactor").asDouble()).isEqualTo(0.75);
        assertThat(board.get("maxChainDepth").asInt()).isEqualTo(2);
        JsonNode top = board.get("top").get(0);
        assertThat(top.get("memberId").asString()).isEqualTo(alice);
        assertThat(top.get("converted").asLong()).isEqualTo(2);
        assertThat(top.get("spread").asLong()).isEqualTo(3);
        assertThat(top.get("depth").asInt()).isEqualTo(2);
        assertThat(board.get("top").get(1).get("memberId").asString()).isEqualTo(bob);
    }

    private WebTestClient.ResponseSpec postMilestone(Map<String, Object> milestone) {
        return web.mutateWith(service())
                .post()
                .uri("/internal/referrals/milestones")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(milestone)
                .exchange();
    }

    private static void assertRefused(JsonNode joined, String reason) {
        JsonNode referral = joined.get("referral");
        assertThat(referral.get("status").asString()).as(joined.toString()).isEqualTo("REFUSED");
        assertThat(referral.get("type").asString()).isEqualTo("urn:quanzi:problem:" + reason);
        assertThat(referral.get("detail").asString()).isNotBlank();
    }

    private long referralCount(String refereeId, String brandId) {
        return mongo.count(referralsOf(refereeId, brandId), Referral.class).block();
    }

    private Referral referralOf(String refereeId, String brandId) {
        return mongo.findOne(referralsOf(refereeId, brandId), Referral.class).block();
    }

    private static Query referralsOf(String refereeId, String brandId) {
        return Query.query(
                Criteria.where("brandId").is(brandId).and("refereeId").is(refereeId));
    }
}
