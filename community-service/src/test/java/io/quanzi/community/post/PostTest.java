package io.quanzi.community.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.CommunityTestSupport;
import io.quanzi.community.Tokens;
import io.quanzi.platform.security.Caller;
import io.quanzi.platform.test.EmbeddedMongo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class PostTest extends CommunityTestSupport {

    @Autowired
    Posts posts;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "post-test");
    }

    @Test
    void feedIsNewestFirstAndPagesWithACursor() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        api.posted(alice, id, "first");
        api.posted(alice, id, "second");
        api.posted(alice, id, "third");

        JsonNode page = api.json(feed(alice, id, null, 2).expectStatus().isOk());
        assertThat(page.get("items").findValuesAsString("text")).containsExactly("third", "second");
        String cursor = page.get("nextCursor").asString();

        JsonNode rest = api.json(feed(alice, id, cursor, 2).expectStatus().isOk());
        assertThat(rest.get("items").findValuesAsString("text")).containsExactly("first");
        assertThat(rest.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void nonMemberCannotPostNorReadAnApprovalRequiredCommunity() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "APPROVAL_REQUIRED", null);
        api.join(alice, id);
        api.approve(Tokens.brandAdmin(ada, BRAND), id, alice).expectStatus().isOk();
        api.posted(alice, id, "members only");

        api.post(bob, id, "let me in")
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:not-community-member");
        feed(bob, id, null, 20).expectStatus().isForbidden();
        assertThat(api.json(feed(alice, id, null, 20)).get("items")).hasSize(1);
    }

    @Test
    void openCommunityIsReadableByAnyMemberButOnlyMembersInteract() {
        String id = api.createCommunity(ada, BRAND, "INTEREST_CIRCLE", "OPEN", null);
        api.joined(alice, id);
        String postId = api.posted(alice, id, "come and run");

        assertThat(api.json(feed(bob, id, null, 20).expectStatus().isOk()).get("items"))
                .hasSize(1);
        like(bob, postId).expectStatus().isForbidden();
        comment(bob, postId, "hi").expectStatus().isForbidden();
        web.mutateWith(Tokens.brandAdmin("otto", "other-brand"))
                .get()
                .uri("/api/communities/{id}/posts", id)
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void firstPostInACommunityQueuesThePointsAwardExactlyOnce() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        PostRequests.NewPost request = new PostRequests.NewPost("hello", null);
        Caller caller = Caller.of(Tokens.memberAuthentication(alice));

        StepVerifier.create(Flux.range(0, 8)
                        .flatMap(i -> posts.create(id, caller, "Alice", request).subscribeOn(Schedulers.parallel()), 8)
                        .count())
                .expectNext(8L)
                .verifyComplete();

        List<Post> stored = mongo.find(Query.query(Criteria.where("communityId").is(id)), Post.class)
                .collectList()
                .block();
        assertThat(stored).hasSize(8);
        assertThat(stored).filteredOn(Post::firstPost).hasSize(1).allSatisfy(post -> {
            assertThat(post.outbox()).singleElement().satisfies(award -> {
                assertThat(award.pending()).isTrue();
                assertThat(award.key()).isEqualTo("first-post:" + id + ":" + alice);
            });
        });
    }

    @Test
    void likesAreCountedOncePerMemberAndUnlikeUndoesIt() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        api.joined(bob, id);
        String postId = api.posted(alice, id, "like me");

        like(alice, postId).expectBody().jsonPath("$.likeCount").isEqualTo(1);
        like(alice, postId).expectBody().jsonPath("$.likeCount").isEqualTo(1);
        like(bob, postId).expectBody().jsonPath("$.likeCount").isEqualTo(2);
        unlike(alice, postId).expectBody().jsonPath("$.likeCount").isEqualTo(1);
        unlike(alice, postId).expectBody().jsonPath("$.likeCount").isEqualTo(1);
        for (int cycle = 0; cycle < 3; cycle++) {
            like(alice, postId).expectBody().jsonPath("$.likeCount").isEqualTo(2);
            unlike(alice, postId).expectBody().jsonPath("$.likeCount").isEqualTo(1);
        }
        assertThat(mongo.count(
                                Query.query(Criteria.where("memberId")
                                        .is(alice)
                                        .and("kind")
                                        .is("LIKED")
                                        .and("ref")
                                        .is(postId)),
                                "community_activity")
                        .block())
                .as("like/unlike cycles log one interaction, not one per cycle")
                .isEqualTo(1);

        read(Tokens.member(bob), postId)
                .expectBody()
                .jsonPath("$.likeCount")
                .isEqualTo(1)
                .jsonPath("$.hidden")
                .doesNotExist();
    }

    @Test
    void concurrentLikesKeepTheCounterEqualToTheLikes() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        String postId = api.posted(alice, id, "popular");
        List<String> fans = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> "fan-" + i + "-" + UUID.randomUUID())
                .toList();
        fans.forEach(fan -> api.joined(fan, id));

        StepVerifier.create(Flux.fromIterable(fans)
                        .concatWith(Flux.fromIterable(fans))
                        .flatMap(
                                fan -> posts.like(postId, Caller.of(Tokens.memberAuthentication(fan)))
                                        .subscribeOn(Schedulers.parallel()),
                                24)
                        .then(mongo.findById(postId, Post.class)))
                .assertNext(post -> assertThat(post.likeCount()).isEqualTo(12))
                .verifyComplete();
    }

    @Test
    void hiddenPostIsInvisibleToMembersAndFlaggedForModerators() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        api.joined(bob, id);
        String postId = api.posted(alice, id, "spam spam");

        web.mutateWith(Tokens.member(bob))
                .post()
                .uri("/api/communities/posts/{p}/hide", postId)
                .exchange()
                .expectStatus()
                .isForbidden();
        web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .post()
                .uri("/api/communities/posts/{p}/hide", postId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "spam"))
                .exchange()
                .expectStatus()
                .isOk();

        read(Tokens.member(bob), postId).expectStatus().isNotFound();
        read(Tokens.member(alice), postId).expectStatus().isNotFound();
        assertThat(api.json(feed(bob, id, null, 20)).get("items")).isEmpty();
        like(bob, postId).expectStatus().isNotFound();

        read(Tokens.brandAdmin(ada, BRAND), postId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.hidden")
                .isEqualTo(true);
        JsonNode moderatorFeed = api.json(web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .get()
                .uri("/api/communities/{id}/posts", id)
                .exchange());
        assertThat(moderatorFeed.get("items").get(0).get("hidden").asBoolean()).isTrue();

        web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .post()
                .uri("/api/communities/posts/{p}/restore", postId)
                .exchange()
                .expectStatus()
                .isOk();
        read(Tokens.member(bob), postId).expectStatus().isOk();
    }

    @Test
    void memberReportsAPostOnlyOnce() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        api.joined(bob, id);
        String postId = api.posted(alice, id, "questionable");

        report(bob, postId).expectStatus().isCreated();
        report(bob, postId)
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:already-reported");
        assertThat(mongo.findById(postId, Post.class).block().reportCount()).isEqualTo(1);
    }

    @Test
    void commentsAreCountedAndListed() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        api.joined(bob, id);
        String postId = api.posted(alice, id, "what shoes?");

        comment(bob, postId, "trail ones").expectStatus().isCreated();
        comment(alice, postId, "thanks").expectStatus().isCreated();

        JsonNode page = api.json(web.mutateWith(Tokens.member(alice))
                .get()
                .uri("/api/communities/posts/{p}/comments", postId)
                .exchange());
        assertThat(page.get("items").findValuesAsString("text")).containsExactly("thanks", "trail ones");
        assertThat(mongo.findById(postId, Post.class).block().commentCount()).isEqualTo(2);
    }

    private WebTestClient.ResponseSpec feed(String member, String id, String cursor, int limit) {
        return web.mutateWith(Tokens.member(member))
                .get()
                .uri(builder -> {
                    builder.path("/api/communities/{id}/posts").queryParam("limit", limit);
                    if (cursor != null) {
                        builder.queryParam("cursor", cursor);
                    }
                    return builder.build(id);
                })
                .exchange();
    }

    private WebTestClient.ResponseSpec read(WebTestClientConfigurer who, String postId) {
        return web.mutateWith(who)
                .get()
                .uri("/api/communities/posts/{p}", postId)
                .exchange();
    }

    private WebTestClient.ResponseSpec like(String member, String postId) {
        return web.mutateWith(Tokens.member(member))
                .put()
                .uri("/api/communities/posts/{p}/like", postId)
                .exchange();
    }

    private WebTestClient.ResponseSpec unlike(String member, String postId) {
        return web.mutateWith(Tokens.member(member))
                .delete()
                .uri("/api/communities/posts/{p}/like", postId)
                .exchange();
    }

    private WebTestClient.ResponseSpec comment(String member, String postId, String text) {
        return web.mutateWith(Tokens.member(member))
                .post()
                .uri("/api/communities/posts/{p}/comments", postId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text))
                .exchange();
    }

    private WebTestClient.ResponseSpec report(String member, String postId) {
        return web.mutateWith(Tokens.member(member))
                .post()
                .uri("/api/communities/posts/{p}/reports", postId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "off-topic"))
                .exchange();
    }
}
