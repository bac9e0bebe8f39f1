package io.quanzi.community.community;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.CommunityTestSupport;
import io.quanzi.community.Tokens;
import io.quanzi.platform.problem.Problem;
import io.quanzi.platform.security.Caller;
import io.quanzi.platform.test.EmbeddedMongo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class AdmissionTest extends CommunityTestSupport {

    @Autowired
    Admission admission;

    @Autowired
    CommunityMemberships memberships;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "admission-test");
    }

    @Test
    void applicantIsApprovedByBrandAdminAndSeesEachStatus() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "APPROVAL_REQUIRED", null);

        api.join(alice, id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PENDING");
        myMembership(alice, id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("PENDING")
                .jsonPath("$.application")
                .isEqualTo("I run every day");
        web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .get()
                .uri("/api/communities/{id}/requests", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].memberId")
                .isEqualTo(alice);

        api.approve(Tokens.brandAdmin(ada, BRAND), id, alice)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE");

        myMembership(alice, id).expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        assertThat(memberCount(id)).isEqualTo(1);
        StepVerifier.create(memberships.isActiveMember(id, alice))
                .expectNext(true)
                .verifyComplete();
    }

    @Test
    void rejectedApplicantSeesTheReasonAndIsNotAMember() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "APPROVAL_REQUIRED", null);
        api.join(alice, id).expectStatus().isOk();

        web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .post()
                .uri("/api/communities/{id}/requests/{m}/reject", id, alice)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Club is for marathon runners"))
                .exchange()
                .expectStatus()
                .isOk();

        myMembership(alice, id)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("REJECTED")
                .jsonPath("$.decisionReason")
                .isEqualTo("Club is for marathon runners");
        assertThat(memberCount(id)).isZero();
        StepVerifier.create(memberships.isActiveMember(id, alice))
                .expectNext(false)
                .verifyComplete();
    }

    @Test
    void memberCannotApproveAndAdminOfAnotherBrandCannotEither() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "APPROVAL_REQUIRED", null);
        api.join(alice, id).expectStatus().isOk();

        api.approve(Tokens.member(bob), id, alice)
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        api.approve(Tokens.brandAdmin("otto", "other-brand"), id, alice)
                .expectStatus()
                .isForbidden();

        myMembership(alice, id).expectBody().jsonPath("$.status").isEqualTo("PENDING");
    }

    @Test
    void appointedModeratorApprovesButPlainMemberDoesNot() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "APPROVAL_REQUIRED", null);
        api.join(bob, id);
        api.approve(Tokens.brandAdmin(ada, BRAND), id, bob).expectStatus().isOk();
        api.join(alice, id);
        api.approve(Tokens.member(bob), id, alice).expectStatus().isForbidden();

        web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .put()
                .uri("/api/communities/{id}/members/{m}/role", id, bob)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "MODERATOR"))
                .exchange()
                .expectStatus()
                .isOk();

        api.approve(Tokens.member(bob), id, alice)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE");
    }

    @Test
    void onlyTheBrandsAdminCreatesItsCommunities() {
        web.mutateWith(Tokens.brandAdmin("otto", "other-brand"))
                .post()
                .uri("/api/communities")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("brandId", BRAND, "name", "X", "kind", "CLUB", "joinPolicy", "OPEN"))
                .exchange()
                .expectStatus()
                .isForbidden();
        web.mutateWith(Tokens.member(alice))
                .post()
                .uri("/api/communities")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("brandId", BRAND, "name", "X", "kind", "CLUB", "joinPolicy", "OPEN"))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void inviteOnlyCoreGroupIsShownOnlyToTheBrandsAdminsAndToMembersItKnows() {
        String brand = "hidden-" + UUID.randomUUID().toString().substring(0, 8);
        String open = api.createCommunity(ada, brand, "CLUB", "OPEN", null);
        String core = api.createCommunity(ada, brand, "CORE_GROUP", "INVITE_ONLY", null);

        assertThat(listedFor(Tokens.member(alice), brand)).containsExactly(open);
        summaryFor(Tokens.member(alice), core).expectStatus().isNotFound();
        assertThat(listedFor(Tokens.brandAdmin(ada, brand), brand)).containsExactly(open, core);
        summaryFor(Tokens.brandAdmin(ada, brand), core).expectStatus().isOk();

        api.invite(Tokens.brandAdmin(ada, brand), core, alice).expectStatus().isCreated();

        assertThat(listedFor(Tokens.member(alice), brand)).containsExactly(open, core);
        summaryFor(Tokens.member(alice), core).expectStatus().isOk();
        assertThat(listedFor(Tokens.member(bob), brand)).containsExactly(open);
    }

    private List<String> listedFor(WebTestClientConfigurer caller, String brand) {
        return web
                .mutateWith(caller)
                .get()
                .uri("/api/communities?brandId={brand}", brand)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody()
                .stream()
                .map(community -> community.get("id").toString())
                .toList();
    }

    private WebTestClient.ResponseSpec summaryFor(WebTestClientConfigurer caller, String communityId) {
        return web.mutateWith(caller)
                .get()
                .uri("/api/communities/{id}", communityId)
                .exchange();
    }

    @Test
    void inviteOnlyCoreGroupCannotBeJoinedDirectlyButAnInvitationAdmits() {
        String id = api.createCommunity(ada, BRAND, "CORE_GROUP", "OPEN", null);

        api.join(alice, id)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:invitation-required");
        api.acceptInvitation(alice, id).expectStatus().isNotFound();
        assertThat(memberCount(id)).isZero();

        api.invite(Tokens.brandAdmin(ada, BRAND), id, alice).expectStatus().isCreated();
        myMembership(alice, id).expectBody().jsonPath("$.status").isEqualTo("INVITED");

        api.acceptInvitation(alice, id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE");
        assertThat(memberCount(id)).isEqualTo(1);
        CommunityMembership stored = membership(id, alice);
        assertThat(stored.coreGroup()).isTrue();
        assertThat(stored.factPresent()).isTrue();
        assertThat(stored.outbox()).last().satisfies(fact -> assertThat(fact.pending())
                .isTrue());
    }

    @Test
    void plainMemberCannotInviteIntoTheCoreGroup() {
        String id = api.createCommunity(ada, BRAND, "CORE_GROUP", "INVITE_ONLY", null);
        api.invite(Tokens.member(bob), id, alice).expectStatus().isForbidden();
        myMembership(alice, id).expectStatus().isNotFound();
    }

    @Test
    void bannedMemberCannotRejoinOrApply() {
        String open = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, open);
        assertThat(memberCount(open)).isEqualTo(1);

        ban(open, alice).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("BANNED");
        assertThat(memberCount(open)).isZero();

        api.join(alice, open)
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:member-banned");
        assertThat(memberCount(open)).isZero();
        CommunityMembership stored = membership(open, alice);
        assertThat(stored.status()).isEqualTo(MembershipStatus.BANNED);
        assertThat(stored.factPresent()).as("the fact is withdrawn").isFalse();

        String approval = api.createCommunity(ada, BRAND, "CLUB", "APPROVAL_REQUIRED", null);
        ban(approval, bob).expectStatus().isOk();
        api.join(bob, approval).expectStatus().isForbidden();
        myMembership(bob, approval).expectBody().jsonPath("$.status").isEqualTo("BANNED");
    }

    @Test
    void memberWhoLeftCanRejoinAnOpenCommunityAndCountsStayRight() {
        String id = api.createCommunity(ada, BRAND, "INTEREST_CIRCLE", "OPEN", null);
        api.joined(alice, id);
        api.joined(alice, id);
        assertThat(memberCount(id)).isEqualTo(1);

        api.leave(alice, id)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("LEFT");
        assertThat(memberCount(id)).isZero();

        api.joined(alice, id);
        assertThat(memberCount(id)).isEqualTo(1);
    }

    @Test
    void concurrentJoinsNeverExceedTheSizeCap() {
        String id = api.createCommunity(ada, BRAND, "CITY_CHAPTER", "OPEN", 5);

        StepVerifier.create(Flux.range(0, 24)
                        .flatMap(
                                i -> admission
                                        .join(
                                                id,
                                                Caller.of(Tokens.memberAuthentication("runner-" + i + "-" + id)),
                                                null)
                                        .map(m -> "in")
                                        .onErrorResume(Problem.class, full -> Mono.just("full"))
                                        .subscribeOn(Schedulers.parallel()),
                                24)
                        .filter("in"::equals)
                        .count())
                .expectNext(5L)
                .verifyComplete();

        assertThat(memberCount(id)).isEqualTo(5);
        StepVerifier.create(mongo.count(
                        Query.query(Criteria.where("communityId")
                                .is(id)
                                .and("status")
                                .is(MembershipStatus.ACTIVE)),
                        CommunityMembership.class))
                .expectNext(5L)
                .verifyComplete();
        api.join(alice, id)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:community-full");
    }

    @Test
    void concurrentApproveAndRejectHaveExactlyOneWinner() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "APPROVAL_REQUIRED", 10);
        api.join(alice, id).expectStatus().isOk();
        Caller admin =
                new Caller(ada, java.util.Set.of("brand-admin"), java.util.Set.of(BRAND), java.util.Set.of(), null);

        StepVerifier.create(Flux.merge(
                                admission
                                        .approve(id, admin, alice)
                                        .map(m -> "approved")
                                        .onErrorResume(e -> Mono.just("lost"))
                                        .subscribeOn(Schedulers.parallel()),
                                admission
                                        .reject(id, admin, alice, "no")
                                        .map(m -> "rejected")
                                        .onErrorResume(e -> Mono.just("lost"))
                                        .subscribeOn(Schedulers.parallel()))
                        .filter(result -> !result.equals("lost"))
                        .count())
                .expectNext(1L)
                .verifyComplete();
        CommunityMembership stored = membership(id, alice);
        assertThat(memberCount(id)).isEqualTo(stored.status() == MembershipStatus.ACTIVE ? 1 : 0);
    }

    private WebTestClient.ResponseSpec ban(String id, String member) {
        return web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .post()
                .uri("/api/communities/{id}/members/{m}/ban", id, member)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "spam"))
                .exchange();
    }

    private WebTestClient.ResponseSpec myMembership(String member, String id) {
        return web.mutateWith(Tokens.member(member))
                .get()
                .uri("/api/communities/{id}/membership", id)
                .exchange();
    }

    private long memberCount(String id) {
        return mongo.findById(id, Community.class).map(Community::memberCount).block();
    }

    private CommunityMembership membership(String id, String member) {
        return memberships.membership(id, member).block();
    }

    @Test
    void plainMemberNamingThemselvesInABanIsRefusedAsNotAModeratorNotAsABadRequest() {
        String open = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, open);

        web.mutateWith(Tokens.member(alice))
                .post()
                .uri("/api/communities/{id}/members/{m}/ban", open, alice)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "spam"))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(membership(open, alice).status()).isEqualTo(MembershipStatus.ACTIVE);
    }

    @Test
    void decimalSizeCapAndEnumOrdinalsAreRefusedNotCoerced() {
        List<Map<String, Object>> bodies = List.of(
                Map.of("brandId", BRAND, "name", "X", "kind", "CLUB", "joinPolicy", "OPEN", "sizeCap", 1.9),
                Map.of("brandId", BRAND, "name", "X", "kind", "CLUB", "joinPolicy", "OPEN", "sizeCap", "5"),
                Map.of("brandId", BRAND, "name", "X", "kind", 0, "joinPolicy", "OPEN"),
                Map.of("brandId", BRAND, "name", "X", "kind", "CLUB", "joinPolicy", "0"),
                Map.of("brandId", BRAND, "name", true, "kind", "CLUB", "joinPolicy", "OPEN"));
        for (Map<String, Object> body : bodies) {
            web.mutateWith(Tokens.brandAdmin("ada", BRAND))
                    .post()
                    .uri("/api/communities")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
