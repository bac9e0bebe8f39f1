package io.quanzi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** API clients through the gateway with real Keycloak tokens. */
@ExtendWith(RunningStack.class)
class GatewayApiIT {

    private final Stack stack = RunningStack.stack();
    private final Keycloak keycloak = new Keycloak(stack);
    private final Api gateway = new Api(stack.gatewayUrl());
    private final Http http = Http.api();

    @Test
    void memberReadsOwnProfileThroughGateway() {
        String token = keycloak.userToken("alice");

        Http.Reply first = gateway.get("/api/members/me", token);
        Http.Reply second = gateway.get("/api/members/me", token);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode profile = first.json();
        assertThat(profile.get("subject").asString())
                .isEqualTo(claims(token).get("sub").asString());
        assertThat(profile.get("displayName").asString()).isEqualTo("Alice Wang");
        assertThat(profile.get("email").asString()).isEqualTo("alice@demo.quanzi.local");
        assertThat(profile.get("createdAt").asString()).isNotBlank();
        assertThat(second.json().get("id").asString())
                .isEqualTo(profile.get("id").asString());
    }

    @Test
    void requestWithoutTokenGets401Problem() {
        Http.Reply reply = http.get(stack.gatewayUrl() + "/api/members/me", "Accept", "application/json");

        assertProblem(reply, 401, "urn:quanzi:problem:unauthorized");
        assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void staffWithoutMemberRoleGets403Problem() {
        String staff = keycloak.userToken("sam");

        Http.Reply reply = gateway.get("/api/members/me", staff);

        assertProblem(reply, 403, "urn:quanzi:problem:forbidden");
    }

    @Test
    void tamperedTokenGets401Problem() {
        String[] parts = keycloak.userToken("alice").split("\\.");
        String forgedClaims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"someone-else\"");
        String forged = parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(forgedClaims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        Http.Reply reply = gateway.get("/api/members/me", forged);

        assertProblem(reply, 401, "urn:quanzi:problem:unauthorized");
        assertThat(reply.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void tokenIssuedForAnotherAudienceGets401Problem() {
        // admin-cli exists in every realm and has no Quanzi audience mapper: a valid Keycloak
        // token, signed by the right key, that is simply not meant for Quanzi's APIs.
        String foreign = keycloak.token(
                "quanzi",
                java.util.Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "admin-cli",
                        "username",
                        "alice",
                        "password",
                        "alice-demo"));
        assertThat(claims(foreign).path("aud").toString()).doesNotContain("quanzi-api");

        Http.Reply reply = gateway.get("/api/members/me", foreign);

        assertProblem(reply, 401, "urn:quanzi:problem:unauthorized");
    }

    @Test
    void expiredTokenGets401Problem() throws InterruptedException {
        keycloak.admin(
                "POST",
                "/clients",
                """
                {"clientId": "expiring-cli", "publicClient": true, "directAccessGrantsEnabled": true,
                 "standardFlowEnabled": false, "attributes": {"access.token.lifespan": "2"},
                 "protocolMappers": [{"name": "aud", "protocol": "openid-connect",
                   "protocolMapper": "oidc-audience-mapper",
                   "config": {"included.custom.audience": "quanzi-api", "access.token.claim": "true"}}]}
                """);
        String token = keycloak.token(
                "quanzi",
                java.util.Map.of(
                        "grant_type",
                        "password",
                        "client_id",
                        "expiring-cli",
                        "username",
                        "alice",
                        "password",
                        "alice-demo"));
        assertThat(gateway.get("/api/members/me", token).status())
                .as("the same token is accepted while fresh")
                .isEqualTo(200);

        long expiresAt = claims(token).get("exp").asLong() * 1000;
        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 2_500);
        Http.Reply reply = gateway.get("/api/members/me", token);

        assertProblem(reply, 401, "urn:quanzi:problem:unauthorized");
    }

    @Test
    void unknownRouteGets404Problem() {
        Http.Reply reply = gateway.get("/api/no-such-thing", keycloak.userToken("alice"));

        assertProblem(reply, 404, "urn:quanzi:problem:not-found");
    }

    @Test
    void internalEndpointsAreNeverRoutedEvenForServiceAccounts() {
        String service = keycloak.serviceToken("community-service");

        Http.Reply reply = gateway.get("/internal/points/earn", service);
        Http.Reply nested = gateway.get("/api/members/internal/x", service);

        assertProblem(reply, 404, "urn:quanzi:problem:not-found");
        assertProblem(nested, 404, "urn:quanzi:problem:not-found");
    }

    @Test
    void oversizedBodyGets413ProblemAtTheGateway() {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        Http.Reply reply = http.send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/members/me"))
                .header("Authorization", "Bearer " + keycloak.userToken("alice"))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(twoMegabytes)));

        assertProblem(reply, 413, "urn:quanzi:problem:payload-too-large");
    }

    @Test
    void requestIdIsEchoedForwardedAndLoggedByTheService() throws Exception {
        String requestId = "it-" + System.nanoTime();

        Http.Reply reply = gateway.get("/api/members/me", keycloak.userToken("alice"), "X-Request-Id", requestId);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.response().headers().allValues("X-Request-Id")).containsExactly(requestId);
        // The service writes its access-log line when the exchange completes, a moment after the answer left.
        Path log = stack.settings().logDir().resolve("member-service.log");
        Instant deadline = Instant.now().plusSeconds(10);
        while (!Files.readString(log).contains("[" + requestId + "]")
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(log)).contains("[" + requestId + "]");
    }

    @Test
    void generatedRequestIdWhenNoneOrMalformedIsGiven() {
        Http.Reply reply = http.get(stack.gatewayUrl() + "/api/members/me", "X-Request-Id", "bad id\twith spaces");

        assertThat(reply.header("X-Request-Id")).isNotBlank().doesNotContain(" ");
    }

    static void assertProblem(Http.Reply reply, int status, String type) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isEqualTo(type);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    static JsonNode claims(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JsonMapper.builder().build().readTree(payload);
    }
}
