package io.quanzi.community;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.platform.test.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Malformed, oversized and operator-injecting input gets a 4xx problem and changes nothing. */
class BadInputTest extends CommunityTestSupport {

    String community;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "bad-input-test");
    }

    @BeforeEach
    void setUp() {
        community = api.createCommunity(ada, BRAND, "CLUB", "OPEN", 100);
        api.joined(alice, community);
    }

    @Test
    void badCommunityBodiesAreRejectedAndNothingIsCreated() {
        long before = count("communities");
        for (String body : new String[] {
            "{\"brandId\":{\"$gt\":\"\"},\"name\":\"X\",\"kind\":\"CLUB\",\"joinPolicy\":\"OPEN\"}",
            "{\"brandId\":\"demo-brand\",\"name\":{\"$ne\":null},\"kind\":\"CLUB\",\"joinPolicy\":\"OPEN\"}",
            "{\"brandId\":\"demo-brand\",\"name\":\"X\",\"kind\":\"CLUB\",\"joinPolicy\":\"OPEN\",\"memberCount\":9999}",
            "{\"brandId\":\"demo-brand\",\"name\":\"X\",\"kind\":\"PARTY\",\"joinPolicy\":\"OPEN\"}",
            "{\"brandId\":\"demo-brand\",\"name\":\"\",\"kind\":\"CLUB\",\"joinPolicy\":\"OPEN\"}",
            "{\"brandId\":\"demo-brand\",\"name\":\"X\",\"kind\":\"CLUB\",\"joinPolicy\":\"OPEN\",\"sizeCap\":0}",
            "{\"brandId\":\"demo-brand\",\"name\":\"X\",\"kind\":\"CLUB\",\"joinPolicy\":\"OPEN\","
                    + "\"coverImageUrl\":\"javascript:alert(1)\"}",
            "{\"brandId\":\"demo brand\",\"name\":\"X\",\"kind\":\"CLUB\",\"joinPolicy\":\"OPEN\"}",
            "{\"brandId\":\"demo-brand\",",
        }) {
            send(web.mutateWith(Tokens.brandAdmin(ada, BRAND)).post().uri("/api/communities"), body)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(count("communities")).isEqualTo(before);
    }

    @Test
    void badPostsAreRejectedAndNothingIsPosted() {
        String tooLong = "x".repeat(2001);
        String tenImages = "[" + "\"https://img.example/a.jpg\",".repeat(9) + "\"https://img.example/b.jpg\"]";
        for (String body : new String[] {
            "{\"text\":\"" + tooLong + "\"}",
            "{\"text\":\"\"}",
            "{\"text\":{\"$gt\":\"\"}}",
            "{\"text\":\"hi\",\"imageUrls\":" + tenImages + "}",
            "{\"text\":\"hi\",\"imageUrls\":[\"http://img.example/a.jpg\"]}",
            "{\"text\":\"hi\",\"authorId\":\"someone-else\"}",
            "{\"text\":\"hi\",\"likeCount\":1000}",
            "not json",
        }) {
            send(web.mutateWith(Tokens.member(alice)).post().uri("/api/communities/{id}/posts", community), body)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(countIn("community_posts")).isZero();
        assertThat(count(
                        "community_first_posts",
                        Query.query(
                                Criteria.where("postId").exists(true).and("_id").regex("^first-post:" + community))))
                .isZero();
    }

    @Test
    void oversizedBodiesAre413() {
        String huge = "{\"text\":\"" + "x".repeat(300 * 1024) + "\"}";
        send(web.mutateWith(Tokens.member(alice)).post().uri("/api/communities/{id}/posts", community), huge)
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(countIn("community_posts")).isZero();
    }

    @Test
    void badCommentsAndReportsAreRejected() {
        String postId = api.posted(alice, community, "hello");
        for (String body : new String[] {"{\"text\":\"" + "x".repeat(501) + "\"}", "{\"text\":{\"$where\":\"1\"}}"}) {
            send(web.mutateWith(Tokens.member(alice)).post().uri("/api/communities/posts/{p}/comments", postId), body)
                    .expectStatus()
                    .isBadRequest();
        }
        send(web.mutateWith(Tokens.member(alice)).post().uri("/api/communities/posts/{p}/reports", postId), "{}")
                .expectStatus()
                .isBadRequest();
        assertThat(countIn("community_comments")).isZero();
        assertThat(countIn("community_reports")).isZero();
    }

    @Test
    void injectedIdsAndCursorsNeverReachAQuery() {
        web.mutateWith(Tokens.member(alice))
                .get()
                .uri(builder -> builder.path("/api/communities/{id}/posts")
                        .queryParam("cursor", "%7B%22$gt%22:%22%22%7D")
                        .build(community))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.mutateWith(Tokens.member(alice))
                .get()
                .uri("/api/communities/{id}/posts?limit=5000", community)
                .exchange()
                .expectStatus()
                .isBadRequest();
        web.mutateWith(Tokens.member(alice))
                .get()
                .uri("/api/communities/{id}", "{\"$ne\":null}")
                .exchange()
                .expectStatus()
                .isNotFound();
        web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .post()
                .uri("/api/communities/{id}/members/{m}/ban", community, "{\"$ne\":null}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        send(
                        web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                                .post()
                                .uri("/api/communities/{id}/invitations", community),
                        "{\"memberId\":{\"$ne\":null}}")
                .expectStatus()
                .isBadRequest();
        web.mutateWith(Tokens.member(alice))
                .get()
                .uri("/api/communities?brandId={b}", "{\"$ne\":null}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        assertThat(countIn("community_memberships")).isEqualTo(1);
    }

    @Test
    void staffWithoutMemberRoleCannotUseCommunities() {
        web.mutateWith(Tokens.staff("sam"))
                .get()
                .uri("/api/communities/{id}", community)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec send(WebTestClient.RequestBodySpec request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private long count(String collection) {
        return count(collection, new Query());
    }

    private long countIn(String collection) {
        return count(collection, Query.query(Criteria.where("communityId").is(community)));
    }

    private long count(String collection, Query query) {
        return mongo.count(query, Document.class, collection).block();
    }
}
