package io.quanzi.community.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.CommunityTestSupport;
import io.quanzi.community.Tokens;
import io.quanzi.platform.test.EmbeddedMongo;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import tools.jackson.databind.JsonNode;

/** The moderation queue: reported posts of the brand, most reported first, for admins and the communities' moderators. */
class ModerationQueueTest extends CommunityTestSupport {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "moderation-queue-test");
    }

    @Test
    void adminSeesReportedPostsWithReasonsAndHiddenState() {
        String brand = "brand-" + UUID.randomUUID();
        String id = api.createCommunity(ada, brand, "CLUB", "OPEN", null);
        String carol = "carol-" + UUID.randomUUID();
        api.joined(alice, id);
        api.joined(bob, id);
        api.joined(carol, id);
        String spam = web.mutateWith(Tokens.member(alice, "Alice Chen", null))
                .post()
                .uri("/api/communities/{id}/posts", id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", "Buy cheap watches"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
        String mild = api.posted(bob, id, "Off topic");
        api.posted(carol, id, "Nobody reports this");
        report(bob, spam, "Spam").expectStatus().isCreated();
        report(carol, spam, " Spam ").expectStatus().isCreated();
        report(alice, mild, "Off topic").expectStatus().isCreated();

        JsonNode queue = api.json(
                queue(Tokens.brandAdmin(ada, brand), brand, "").expectStatus().isOk());
        assertThat(queue).hasSize(2);
        JsonNode top = queue.get(0);
        assertThat(top.get("postId").asString()).isEqualTo(spam);
        assertThat(top.get("authorName").asString()).isEqualTo("Alice Chen");
        assertThat(top.get("communityName").asString()).isEqualTo("Runners CLUB");
        assertThat(top.get("text").asString()).isEqualTo("Buy cheap watches");
        assertThat(top.get("reportCount").asLong()).isEqualTo(2);
        assertThat(top.get("reasons")).hasSize(1);
        assertThat(top.get("reasons").get(0).get("reason").asString()).isEqualTo("Spam");
        assertThat(top.get("reasons").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(top.get("hidden").asBoolean()).isFalse();
        assertThat(queue.get(1).get("postId").asString()).isEqualTo(mild);

        web.mutateWith(Tokens.brandAdmin(ada, brand))
                .post()
                .uri("/api/communities/posts/{p}/hide", spam)
                .exchange()
                .expectStatus()
                .isOk();
        JsonNode hidden = api.json(queue(Tokens.brandAdmin(ada, brand), brand, "?hidden=true")
                .expectStatus()
                .isOk());
        assertThat(hidden).hasSize(1);
        assertThat(hidden.get(0).get("postId").asString()).isEqualTo(spam);
        assertThat(hidden.get(0).get("hidden").asBoolean()).isTrue();
        JsonNode open = api.json(queue(Tokens.brandAdmin(ada, brand), brand, "?hidden=false")
                .expectStatus()
                .isOk());
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("postId").asString()).isEqualTo(mild);
    }

    @Test
    void moderatorsSeeOnlyTheirCommunitiesAndOthersAreRefused() {
        String brand = "brand-" + UUID.randomUUID();
        String mine = api.createCommunity(ada, brand, "CLUB", "OPEN", null);
        String other = api.createCommunity(ada, brand, "INTEREST_CIRCLE", "OPEN", null);
        api.joined(alice, mine);
        api.joined(bob, mine);
        api.joined(bob, other);
        web.mutateWith(Tokens.brandAdmin(ada, brand))
                .put()
                .uri("/api/communities/{id}/members/{m}/role", mine, alice)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "MODERATOR"))
                .exchange()
                .expectStatus()
                .isOk();
        String here = api.posted(bob, mine, "here");
        String there = api.posted(bob, other, "there");
        report(alice, here, "Rude").expectStatus().isCreated();
        report(alice, there, "Rude").expectStatus().isCreated();

        JsonNode queue =
                api.json(queue(Tokens.member(alice), brand, "").expectStatus().isOk());
        assertThat(queue).hasSize(1);
        assertThat(queue.get(0).get("postId").asString()).isEqualTo(here);

        queue(Tokens.member(bob), brand, "").expectStatus().isForbidden();
        queue(Tokens.brandAdmin("other-admin", "other-brand"), brand, "")
                .expectStatus()
                .isForbidden();
        for (String bad : new String[] {"?limit=0", "?limit=101", "?hidden=maybe"}) {
            queue(Tokens.brandAdmin(ada, brand), brand, bad)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private WebTestClient.ResponseSpec report(String member, String postId, String reason) {
        return web.mutateWith(Tokens.member(member))
                .post()
                .uri("/api/communities/posts/{p}/reports", postId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", reason))
                .exchange();
    }

    private WebTestClient.ResponseSpec queue(WebTestClientConfigurer who, String brand, String query) {
        return web.mutateWith(who)
                .get()
                .uri("/api/communities/moderation/brands/" + brand + "/reports" + query)
                .exchange();
    }
}
