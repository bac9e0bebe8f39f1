package io.quanzi.community.share;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.CommunityTestSupport;
import io.quanzi.community.Tokens;
import io.quanzi.platform.test.EmbeddedMongo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import tools.jackson.databind.JsonNode;

/** The share chain as a tree: alice shares, bob visits and joins, bob shares on, carol visits and joins, dan only looks. */
class ShareChainsTest extends CommunityTestSupport {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "share-chains-test");
    }

    @Test
    void chainIsATreeOfWhoSharedToWhomWithJoinsAndKFactor() {
        String brand = "brand-" + UUID.randomUUID();
        String carol = "carol-" + UUID.randomUUID();
        String dan = "dan-" + UUID.randomUUID();
        String erin = "erin-" + UUID.randomUUID();
        String frank = "frank-" + UUID.randomUUID();
        String id = api.createCommunity(ada, brand, "CLUB", "OPEN", null);
        web.mutateWith(Tokens.member(alice, "Alice", null))
                .post()
                .uri("/api/communities/{id}/join", id)
                .exchange()
                .expectStatus()
                .isOk();
        api.joined(erin, id);
        api.joined(frank, id);
        String post = api.posted(alice, id, "Come run");
        String first = share(Tokens.member(alice, "Alice", null), post);
        visit(Tokens.member(bob, "Bob", null), first);
        visit(Tokens.member(dan, "Dan", null), first);
        join(Tokens.member(bob, "Bob", null), id);
        String second = share(Tokens.member(bob, "Bob", null), post);
        visit(Tokens.member(carol, "Carol", null), second);
        join(Tokens.member(carol, "Carol", null), id);
        // Two smaller chains: erin shares, then frank; nobody comes. The more recent is listed first.
        share(Tokens.member(erin), post);
        share(Tokens.member(frank), post);

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonNode report = api.json(chains(Tokens.brandAdmin(ada, brand), brand, "?from=" + today + "&to=" + today)
                .expectStatus()
                .isOk());
        assertThat(report.get("chainCount").asInt()).isEqualTo(3);
        assertThat(report.get("sharers").asLong()).isEqualTo(4);
        assertThat(report.get("shares").asLong()).isEqualTo(4);
        assertThat(report.get("visits").asLong()).isEqualTo(3);
        assertThat(report.get("joins").asLong()).isEqualTo(2);
        assertThat(report.get("kFactor").asDouble()).isEqualTo(0.5);
        assertThat(report.get("maxLevel").asInt()).isEqualTo(2);
        assertThat(report.get("truncated").asBoolean()).isFalse();

        JsonNode root = report.get("chains").get(0);
        assertThat(root.get("name").asString()).isEqualTo("Alice");
        assertThat(root.get("level").asInt()).isZero();
        assertThat(root.get("size").asInt()).isEqualTo(4);
        assertThat(root.get("children")).hasSize(2);
        JsonNode bobNode = root.get("children").get(0);
        assertThat(bobNode.get("name").asString()).isEqualTo("Bob");
        assertThat(bobNode.get("joined").asBoolean()).isTrue();
        assertThat(bobNode.get("shares").asInt()).isEqualTo(1);
        JsonNode carolNode = bobNode.get("children").get(0);
        assertThat(carolNode.get("name").asString()).isEqualTo("Carol");
        assertThat(carolNode.get("level").asInt()).isEqualTo(2);
        assertThat(carolNode.get("joined").asBoolean()).isTrue();
        JsonNode danNode = root.get("children").get(1);
        assertThat(danNode.get("name").asString()).isEqualTo("Dan");
        assertThat(danNode.get("visited").asBoolean()).isTrue();
        assertThat(danNode.get("joined").asBoolean()).isFalse();
        assertThat(report.get("chains").get(1).get("memberId").asString()).isEqualTo(frank);
        assertThat(report.get("chains").get(2).get("memberId").asString()).isEqualTo(erin);

        JsonNode top = api.json(chains(Tokens.brandAdmin(ada, brand), brand, "?limit=1")
                .expectStatus()
                .isOk());
        assertThat(top.get("chains")).hasSize(1);
        assertThat(top.get("chainCount").asInt()).isEqualTo(3);
        assertThat(top.get("truncated").asBoolean()).isTrue();

        JsonNode past = api.json(chains(Tokens.brandAdmin(ada, brand), brand, "?from=2020-01-01&to=2020-01-31")
                .expectStatus()
                .isOk());
        assertThat(past.get("chains")).isEmpty();
        assertThat(past.get("kFactor").asDouble()).isZero();
    }

    @Test
    void onlyTheBrandsAdminsReadChainsAndBadRangesAre400() {
        String brand = "brand-" + UUID.randomUUID();
        chains(Tokens.member(alice), brand, "").expectStatus().isForbidden();
        chains(Tokens.brandAdmin("other-admin", "other-brand"), brand, "")
                .expectStatus()
                .isForbidden();
        for (String bad : new String[] {
            "?limit=0", "?limit=51", "?from=2026-02-01&to=2026-01-01", "?from=2020-01-01&to=2026-01-01", "?from=x"
        }) {
            chains(Tokens.brandAdmin(ada, brand), brand, bad)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private String share(WebTestClientConfigurer who, String post) {
        return api.json(web.mutateWith(who)
                        .post()
                        .uri("/api/communities/posts/{p}/shares", post)
                        .exchange()
                        .expectStatus()
                        .isCreated())
                .get("code")
                .asString();
    }

    private void visit(WebTestClientConfigurer who, String code) {
        web.mutateWith(who)
                .get()
                .uri("/api/communities/shares/{c}", code)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void join(WebTestClientConfigurer who, String id) {
        web.mutateWith(who)
                .post()
                .uri("/api/communities/{id}/join", id)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec chains(WebTestClientConfigurer who, String brand, String query) {
        return web.mutateWith(who)
                .get()
                .uri("/api/communities/analytics/brands/" + brand + "/share-chains" + query)
                .exchange();
    }
}
