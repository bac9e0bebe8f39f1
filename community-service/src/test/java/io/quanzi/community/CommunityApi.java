package io.quanzi.community;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import tools.jackson.databind.JsonNode;

/** Drives the community API in tests the way a client would. */
public record CommunityApi(WebTestClient web) {

    public String createCommunity(String admin, String brand, String kind, String policy, Integer cap) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "brandId",
                brand,
                "name",
                "Runners " + kind,
                "kind",
                kind,
                "joinPolicy",
                policy,
                "tags",
                List.of("run")));
        if (cap != null) {
            body.put("sizeCap", cap);
        }
        return web.mutateWith(Tokens.brandAdmin(admin, brand))
                .post()
                .uri("/api/communities")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
    }

    public WebTestClient.ResponseSpec join(String member, String communityId) {
        return web.mutateWith(Tokens.member(member))
                .post()
                .uri("/api/communities/{id}/join", communityId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("application", "I run every day"))
                .exchange();
    }

    /** Joins an OPEN community and checks the member is in. */
    public void joined(String member, String communityId) {
        join(member, communityId)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE");
    }

    public WebTestClient.ResponseSpec approve(WebTestClientConfigurer who, String communityId, String member) {
        return web.mutateWith(who)
                .post()
                .uri("/api/communities/{id}/requests/{m}/approve", communityId, member)
                .exchange();
    }

    public WebTestClient.ResponseSpec invite(WebTestClientConfigurer who, String communityId, String member) {
        return web.mutateWith(who)
                .post()
                .uri("/api/communities/{id}/invitations", communityId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("memberId", member))
                .exchange();
    }

    public WebTestClient.ResponseSpec acceptInvitation(String member, String communityId) {
        return web.mutateWith(Tokens.member(member))
                .post()
                .uri("/api/communities/{id}/invitation/accept", communityId)
                .exchange();
    }

    public WebTestClient.ResponseSpec leave(String member, String communityId) {
        return web.mutateWith(Tokens.member(member))
                .delete()
                .uri("/api/communities/{id}/membership", communityId)
                .exchange();
    }

    public WebTestClient.ResponseSpec post(String member, String communityId, String text) {
        return web.mutateWith(Tokens.member(member))
                .post()
                .uri("/api/communities/{id}/posts", communityId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("text", text))
                .exchange();
    }

    public String posted(String member, String communityId, String text) {
        return post(member, communityId, text)
                .expectStatus()
                .isCreated()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .asString();
    }

    public JsonNode json(WebTestClient.ResponseSpec spec) {
        return spec.expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
