package io.quanzi.community.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.CommunityTestSupport;
import io.quanzi.community.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Posts and comments carry the display name their author had when writing, taken from the token. */
class AuthorNamesTest extends CommunityTestSupport {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        io.quanzi.platform.test.EmbeddedMongo.register(registry, "author-names-test");
    }

    @Test
    void postsAndCommentsShowTheirAuthorsName() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        api.joined(bob, id);

        JsonNode created = api.json(web.mutateWith(Tokens.member(alice, "Alice Chen", "alice"))
                .post()
                .uri("/api/communities/{id}/posts", id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Saturday run"))
                .exchange()
                .expectStatus()
                .isCreated());
        String postId = created.get("id").asString();
        assertThat(created.get("authorName").asString()).isEqualTo("Alice Chen");

        web.mutateWith(Tokens.member(bob, null, "bob.li"))
                .post()
                .uri("/api/communities/posts/{p}/comments", postId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "count me in"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.authorName")
                .isEqualTo("bob.li");

        web.mutateWith(Tokens.member(bob))
                .get()
                .uri("/api/communities/{id}/posts", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].authorName")
                .isEqualTo("Alice Chen")
                .jsonPath("$.items[0].authorId")
                .isEqualTo(alice);
        web.mutateWith(Tokens.member(bob))
                .get()
                .uri("/api/communities/posts/{p}", postId)
                .exchange()
                .expectBody()
                .jsonPath("$.authorName")
                .isEqualTo("Alice Chen");
        web.mutateWith(Tokens.member(alice))
                .get()
                .uri("/api/communities/posts/{p}/comments", postId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].authorName")
                .isEqualTo("bob.li");
    }

    @Test
    void nameIsKeptAsWrittenEvenIfTheTokenLaterSaysOtherwise() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        String postId = api.json(web.mutateWith(Tokens.member(alice, "  " + "A".repeat(100) + " ", null))
                        .post()
                        .uri("/api/communities/{id}/posts", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("text", "long name"))
                        .exchange()
                        .expectStatus()
                        .isCreated())
                .get("id")
                .asString();

        web.mutateWith(Tokens.member(alice, "Alice Renamed", null))
                .get()
                .uri("/api/communities/posts/{p}", postId)
                .exchange()
                .expectBody()
                .jsonPath("$.authorName")
                .isEqualTo("A".repeat(80));
    }

    @Test
    void postsAndCommentsWrittenBeforeNamesWereStoredHaveNoName() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        String postId = api.posted(alice, id, "from the old days");
        web.mutateWith(Tokens.member(alice, "Alice", null))
                .post()
                .uri("/api/communities/posts/{p}/comments", postId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "me too"))
                .exchange()
                .expectStatus()
                .isCreated();
        mongo.updateMulti(
                        Query.query(Criteria.where("postId").is(postId)),
                        new Update().unset("authorName"),
                        "community_comments")
                .block();

        web.mutateWith(Tokens.member(alice))
                .get()
                .uri("/api/communities/posts/{p}", postId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.authorId")
                .isEqualTo(alice)
                .jsonPath("$.authorName")
                .value(name -> assertThat(name).isNull());
        web.mutateWith(Tokens.member(alice))
                .get()
                .uri("/api/communities/posts/{p}/comments", postId)
                .exchange()
                .expectBody()
                .jsonPath("$.items[0].text")
                .isEqualTo("me too")
                .jsonPath("$.items[0].authorName")
                .value(name -> assertThat(name).isNull());
    }
}
