package io.quanzi.community.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.CommunityTestSupport;
import io.quanzi.community.Tokens;
import io.quanzi.community.community.CommunityMemberships;
import io.quanzi.platform.test.EmbeddedMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class ShareTest extends CommunityTestSupport {

    @Autowired
    CommunityMemberships memberships;

    @Autowired
    ShareStats stats;

    String carol;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "share-test");
    }

    @BeforeEach
    void setUp() {
        carol = "carol-" + UUID.randomUUID();
    }

    @Test
    void shareVisitThenJoinIsAttributedToTheShareAndItsSharer() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        String postId = api.posted(alice, id, "Saturday run, join us");

        JsonNode share = share(alice, postId)
                .expectStatus()
                .isCreated()
                .returnResult(JsonNode.class)
                .getResponseBody()
                .blockFirst();
        String code = share.get("code").asString();
        assertThat(code).hasSize(22);
        assertThat(share.get("url").asString()).endsWith(code);
        assertThat(share.get("depth").asInt()).isEqualTo(1);

        visit(bob, code)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.sharerId")
                .isEqualTo(alice)
                .jsonPath("$.community.id")
                .isEqualTo(id)
                .jsonPath("$.post.id")
                .isEqualTo(postId);
        api.joined(bob, id);

        StepVerifier.create(memberships
                        .joins(BRAND, id, Instant.EPOCH, Instant.now().plusSeconds(60))
                        .filter(join -> join.memberId().equals(bob)))
                .assertNext(join -> {
                    assertThat(join.viaShare()).isEqualTo(code);
                    assertThat(join.viaSharer()).isEqualTo(alice);
                })
                .verifyComplete();
    }

    @Test
    void secondarySpreadIsMeasuredAtChainDepthTwo() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        String postId = api.posted(alice, id, "Trail day");
        String first = code(share(alice, postId));
        visit(bob, first).expectStatus().isOk();
        api.joined(bob, id);

        JsonNode second = share(bob, postId)
                .expectStatus()
                .isCreated()
                .returnResult(JsonNode.class)
                .getResponseBody()
                .blockFirst();
        assertThat(second.get("depth").asInt()).isEqualTo(2);
        visit(carol, second.get("code").asString())
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.depth")
                .isEqualTo(2)
                .jsonPath("$.sharerId")
                .isEqualTo(bob);
        api.joined(carol, id);

        StepVerifier.create(memberships
                        .joins(BRAND, id, Instant.EPOCH, Instant.now().plusSeconds(60))
                        .filter(join -> join.memberId().equals(carol)))
                .assertNext(join -> assertThat(join.viaSharer()).isEqualTo(bob))
                .verifyComplete();
        StepVerifier.create(stats.visitsByDepth(
                        BRAND, id, Instant.EPOCH, Instant.now().plusSeconds(60)))
                .assertNext(byDepth -> assertThat(byDepth).containsEntry(1, 1L).containsEntry(2, 1L))
                .verifyComplete();
    }

    @Test
    void visitsOlderThanThirtyDaysAreNotCredited() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        String code = code(share(alice, api.posted(alice, id, "old news")));
        visit(bob, code).expectStatus().isOk();
        Instant longAgo = Instant.now().minus(Duration.ofDays(31));
        mongo.updateFirst(
                        Query.query(
                                Criteria.where("code").is(code).and("visitorId").is(bob)),
                        new Update().set("visitedAt", longAgo).set("lastVisitedAt", longAgo),
                        ShareVisit.class)
                .block();

        api.joined(bob, id);

        StepVerifier.create(memberships
                        .joins(BRAND, id, Instant.EPOCH, Instant.now().plusSeconds(60))
                        .filter(join -> join.memberId().equals(bob)))
                .assertNext(join -> assertThat(join.viaShare()).isNull())
                .verifyComplete();
    }

    @Test
    void repeatedAndOwnVisitsAreNotCountedTwice() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        String code = code(share(alice, api.posted(alice, id, "again")));

        visit(alice, code).expectStatus().isOk();
        visit(bob, code).expectStatus().isOk();
        visit(bob, code).expectStatus().isOk();

        StepVerifier.create(mongo.count(Query.query(Criteria.where("code").is(code)), ShareVisit.class))
                .expectNext(1L)
                .verifyComplete();
    }

    @Test
    void nonMemberCannotShareAndUnknownCodesAreNotFound() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        String postId = api.posted(alice, id, "members share");

        share(bob, postId).expectStatus().isForbidden();
        visit(bob, "AAAAAAAAAAAAAAAAAAAAAA").expectStatus().isNotFound();
        visit(bob, "{\"$gt\":\"\"}").expectStatus().isNotFound();
    }

    @Test
    void shareCodesAreUnguessable() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        String postId = api.posted(alice, id, "codes");

        String one = code(share(alice, postId));
        String two = code(share(alice, postId));

        assertThat(one).isNotEqualTo(two).matches("[A-Za-z0-9_-]{22}");
        assertThat(mongo.findById(postId, org.bson.Document.class, "community_posts")
                        .block()
                        .get("shareCount"))
                .isEqualTo(2L);
    }

    private WebTestClient.ResponseSpec share(String member, String postId) {
        return web.mutateWith(Tokens.member(member))
                .post()
                .uri("/api/communities/posts/{p}/shares", postId)
                .exchange();
    }

    private WebTestClient.ResponseSpec visit(String member, String code) {
        return web.mutateWith(Tokens.member(member))
                .get()
                .uri("/api/communities/shares/{code}", code)
                .exchange();
    }

    private String code(WebTestClient.ResponseSpec share) {
        return api.json(share.expectStatus().isCreated()).get("code").asString();
    }
}
