package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** Communities through the gateway with real Keycloak tokens: admission, posting and analytics access. */
@ExtendWith(RunningStack.class)
class CommunityIT {

    private final Stack stack = RunningStack.stack();
    private final Keycloak keycloak = new Keycloak(stack);
    private final Api gateway = new Api(stack.gatewayUrl());

    @Test
    void approvalRequiredCommunityFromApplicationToPostAndAnalytics() {
        String ada = keycloak.userToken("ada");
        String alice = keycloak.userToken("alice");
        String bob = keycloak.userToken("bob");
        String otto = keycloak.userToken("otto");

        Http.Reply created = send(
                "POST",
                "/api/communities",
                ada,
                """
                {"brandId":"demo-brand","name":"Marathon Club","description":"Long runs on Sundays",
                 "kind":"CLUB","joinPolicy":"APPROVAL_REQUIRED","tags":["running"]}
                """);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String community = created.json().get("id").asString();

        Http.Reply applied =
                send("POST", "/api/communities/" + community + "/join", alice, "{\"application\":\"I ran Berlin\"}");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        assertThat(applied.json().get("status").asString()).isEqualTo("PENDING");
        String aliceId = applied.json().get("memberId").asString();
        assertThat(aliceId).isEqualTo(GatewayApiIT.claims(alice).get("sub").asString());

        Http.Reply bobApproves =
                send("POST", "/api/communities/" + community + "/requests/" + aliceId + "/approve", bob, null);
        assertThat(bobApproves.status()).as(bobApproves.toString()).isEqualTo(403);
        assertThat(bobApproves.contentType()).startsWith("application/problem+json");

        Http.Reply approved =
                send("POST", "/api/communities/" + community + "/requests/" + aliceId + "/approve", ada, null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("ACTIVE");
        Http.Reply membership = send("GET", "/api/communities/" + community + "/membership", alice, null);
        assertThat(membership.json().get("status").asString()).isEqualTo("ACTIVE");

        Http.Reply posted =
                send("POST", "/api/communities/" + community + "/posts", alice, "{\"text\":\"Who runs on Sunday?\"}");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);

        Http.Reply bobPosts = send("POST", "/api/communities/" + community + "/posts", bob, "{\"text\":\"Let me in\"}");
        assertThat(bobPosts.status()).as(bobPosts.toString()).isEqualTo(403);
        assertThat(bobPosts.json().get("type").asString()).isEqualTo("urn:quanzi:problem:not-community-member");

        Http.Reply feed = send("GET", "/api/communities/" + community + "/posts", alice, null);
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.json().get("items").get(0).get("text").asString()).isEqualTo("Who runs on Sunday?");

        Http.Reply ottoReads = send("GET", "/api/communities/analytics/brands/demo-brand", otto, null);
        assertThat(ottoReads.status()).as(ottoReads.toString()).isEqualTo(403);
        Http.Reply aliceReads = send("GET", "/api/communities/analytics/brands/demo-brand", alice, null);
        assertThat(aliceReads.status()).as(aliceReads.toString()).isEqualTo(403);

        Http.Reply adaReads = send("GET", "/api/communities/analytics/brands/demo-brand?granularity=DAY", ada, null);
        assertThat(adaReads.status()).as(adaReads.toString()).isEqualTo(200);
        JsonNode report = adaReads.json();
        assertThat(report.get("series").findValuesAsString("name")).contains("members", "activeMembers", "joins");
        assertThat(report.get("communities").findValuesAsString("communityId")).contains(community);
        Http.Reply communityReport = send("GET", "/api/communities/analytics/communities/" + community, ada, null);
        assertThat(communityReport.status()).as(communityReport.toString()).isEqualTo(200);
        double joins = 0;
        for (JsonNode series : communityReport.json().get("series")) {
            if (series.get("name").asString().equals("joins")) {
                for (JsonNode point : series.get("points")) {
                    joins += point.get("v").asDouble();
                }
            }
        }
        assertThat(joins).as("alice's approved join is in the series").isEqualTo(1.0);
    }

    private Http.Reply send(String method, String path, String token, String json) {
        return gateway.send(method, path, token, json, "Accept", "application/json");
    }
}
