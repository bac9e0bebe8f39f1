package io.quanzi.community.community;

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
import tools.jackson.databind.JsonNode;

/** Editing a community and listing its members (with the names members had when they joined). */
class CommunityAdministrationTest extends CommunityTestSupport {

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "community-administration-test");
    }

    @Test
    void brandAdminEditsNameDescriptionPolicyAndCap() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", 10);

        JsonNode edited = api.json(edit(
                        Tokens.brandAdmin(ada, BRAND),
                        id,
                        Map.of(
                                "name",
                                "  Night runners ",
                                "description",
                                "Tuesdays",
                                "joinPolicy",
                                "APPROVAL_REQUIRED",
                                "sizeCap",
                                5))
                .expectStatus()
                .isOk());
        assertThat(edited.get("name").asString()).isEqualTo("Night runners");
        assertThat(edited.get("description").asString()).isEqualTo("Tuesdays");
        assertThat(edited.get("joinPolicy").asString()).isEqualTo("APPROVAL_REQUIRED");
        assertThat(edited.get("sizeCap").asInt()).isEqualTo(5);

        JsonNode uncapped = api.json(edit(Tokens.brandAdmin(ada, BRAND), id, Map.of("clearSizeCap", true))
                .expectStatus()
                .isOk());
        assertThat(uncapped.get("sizeCap").isNull()).isTrue();
        assertThat(uncapped.get("name").asString()).isEqualTo("Night runners");
    }

    @Test
    void sizeCapCannotDropBelowActiveMembersAndCoreGroupStaysInvitationOnly() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        api.joined(bob, id);

        edit(Tokens.brandAdmin(ada, BRAND), id, Map.of("sizeCap", 1))
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .value(type -> assertThat(type.toString()).endsWith("size-cap-below-members"));
        edit(Tokens.brandAdmin(ada, BRAND), id, Map.of("sizeCap", 2))
                .expectStatus()
                .isOk();

        String core = api.createCommunity(ada, BRAND, "CORE_GROUP", "INVITE_ONLY", null);
        edit(Tokens.brandAdmin(ada, BRAND), core, Map.of("joinPolicy", "OPEN"))
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode still = api.json(web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .get()
                .uri("/api/communities/{id}", core)
                .exchange()
                .expectStatus()
                .isOk());
        assertThat(still.get("joinPolicy").asString()).isEqualTo("INVITE_ONLY");
    }

    @Test
    void onlyTheBrandsAdminsEditAndBadEditsChangeNothing() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        edit(Tokens.member(alice), id, Map.of("name", "Mine")).expectStatus().isForbidden();
        edit(Tokens.brandAdmin("other-admin", "other-brand"), id, Map.of("name", "Theirs"))
                .expectStatus()
                .isForbidden();
        edit(Tokens.brandAdmin(ada, BRAND), id, Map.of("name", "   "))
                .expectStatus()
                .isBadRequest();
        edit(Tokens.brandAdmin(ada, BRAND), id, Map.of("sizeCap", 0))
                .expectStatus()
                .isBadRequest();
        edit(Tokens.brandAdmin(ada, BRAND), id, Map.of("sizeCap", 3, "clearSizeCap", true))
                .expectStatus()
                .isBadRequest();
        edit(Tokens.brandAdmin(ada, BRAND), id, Map.of("joinPolicy", "WHATEVER"))
                .expectStatus()
                .isBadRequest();
        edit(Tokens.brandAdmin(ada, BRAND), "0123456789abcdef01234567", Map.of("name", "x"))
                .expectStatus()
                .isNotFound();
        JsonNode unchanged = api.json(web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .get()
                .uri("/api/communities/{id}", id)
                .exchange()
                .expectStatus()
                .isOk());
        assertThat(unchanged.get("name").asString()).isEqualTo("Runners CLUB");
        assertThat(unchanged.get("sizeCap").isNull()).isTrue();
    }

    @Test
    void moderatorsListMembersWithNamesFiltersAndPages() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "APPROVAL_REQUIRED", null);
        String carol = "carol-" + UUID.randomUUID();
        for (String[] who : new String[][] {{alice, "Alice Chen"}, {bob, "Bob Li"}, {carol, "Carol Wu"}}) {
            web.mutateWith(Tokens.member(who[0], who[1], null))
                    .post()
                    .uri("/api/communities/{id}/join", id)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("application", "I run with " + who[1]))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        api.approve(Tokens.brandAdmin(ada, BRAND), id, alice).expectStatus().isOk();
        appoint(id, alice, "MODERATOR").expectStatus().isOk();

        JsonNode pending = api.json(members(Tokens.member(alice), id, "?status=PENDING")
                .expectStatus()
                .isOk());
        assertThat(pending.get("items")).hasSize(2);
        assertThat(pending.get("items").get(0).get("memberName").asString()).isEqualTo("Bob Li");
        assertThat(pending.get("items").get(0).get("application").asString()).isEqualTo("I run with Bob Li");
        assertThat(pending.get("nextCursor").isNull()).isTrue();

        JsonNode moderators = api.json(members(Tokens.brandAdmin(ada, BRAND), id, "?role=MODERATOR")
                .expectStatus()
                .isOk());
        assertThat(moderators.get("items")).hasSize(1);
        assertThat(moderators.get("items").get(0).get("memberId").asString()).isEqualTo(alice);
        assertThat(moderators.get("items").get(0).get("memberName").asString()).isEqualTo("Alice Chen");
        assertThat(moderators.get("items").get(0).get("status").asString()).isEqualTo("ACTIVE");

        JsonNode first = api.json(members(Tokens.brandAdmin(ada, BRAND), id, "?limit=2")
                .expectStatus()
                .isOk());
        assertThat(first.get("items")).hasSize(2);
        String cursor = first.get("nextCursor").asString();
        JsonNode second = api.json(members(Tokens.brandAdmin(ada, BRAND), id, "?limit=2&cursor=" + cursor)
                .expectStatus()
                .isOk());
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("memberId").asString()).isEqualTo(carol);
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void plainMembersAndOtherBrandsCannotListMembersAndBadQueriesAre400() {
        String id = api.createCommunity(ada, BRAND, "CLUB", "OPEN", null);
        api.joined(alice, id);
        members(Tokens.member(alice), id, "").expectStatus().isForbidden();
        members(Tokens.brandAdmin("other-admin", "other-brand"), id, "")
                .expectStatus()
                .isForbidden();
        for (String bad : new String[] {"?status=NOPE", "?role=KING", "?limit=0", "?limit=101", "?cursor=zzz"}) {
            members(Tokens.brandAdmin(ada, BRAND), id, bad)
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private WebTestClient.ResponseSpec edit(
            org.springframework.test.web.reactive.server.WebTestClientConfigurer who,
            String id,
            Map<String, Object> body) {
        return web.mutateWith(who)
                .patch()
                .uri("/api/communities/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    private WebTestClient.ResponseSpec members(
            org.springframework.test.web.reactive.server.WebTestClientConfigurer who, String id, String query) {
        return web.mutateWith(who)
                .get()
                .uri("/api/communities/" + id + "/members" + query)
                .exchange();
    }

    private WebTestClient.ResponseSpec appoint(String id, String member, String role) {
        return web.mutateWith(Tokens.brandAdmin(ada, BRAND))
                .put()
                .uri("/api/communities/{id}/members/{m}/role", id, member)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", role))
                .exchange();
    }
}
