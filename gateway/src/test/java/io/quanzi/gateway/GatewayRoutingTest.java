package io.quanzi.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway against a stub member-service on a real socket: what it forwards, what it strips,
 * what it answers itself.
 */
@SpringBootTest
@AutoConfigureWebTestClient
class GatewayRoutingTest {

    /** What the stub service saw of the last request, by header name (lower case). */
    static final Map<String, String> seen = new ConcurrentHashMap<>();

    static final DisposableServer memberService = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(routes -> routes.get("/api/members/me", (request, response) -> {
                        seen.clear();
                        request.requestHeaders()
                                .forEach(header -> seen.put(header.getKey().toLowerCase(), header.getValue()));
                        seen.put(":path", request.uri());
                        return response.header("Content-Type", "application/json")
                                .sendString(Mono.just("{\"ok\":true}"));
                    })
                    .get("/api/public/invites/{code}", (request, response) -> {
                        seen.clear();
                        request.requestHeaders()
                                .forEach(header -> seen.put(header.getKey().toLowerCase(), header.getValue()));
                        return response.header("Content-Type", "application/json")
                                .sendString(Mono.just("{\"brandName\":\"Demo\"}"));
                    })
                    .get("/api/brands/slow", (request, response) -> Mono.delay(Duration.ofMillis(300))
                            .then(response.header("Content-Type", "application/json")
                                    .sendString(Mono.just("{\"ok\":true}"))
                                    .then()))
                    .get("/api/brands/taken", (request, response) -> response.status(409)
                            .header("Content-Type", "application/problem+json")
                            .sendString(Mono.just("{\"status\":409,\"title\":\"Conflict\"}"))))
            .bindNow();

    @Autowired
    WebTestClient web;

    WebTestClient member;

    @DynamicPropertySource
    static void downstreams(DynamicPropertyRegistry registry) {
        registry.add("MEMBER_SERVICE_URL", () -> "http://127.0.0.1:" + memberService.port());
        // Nothing listens on port 1: community-service is "down".
        registry.add("COMMUNITY_SERVICE_URL", () -> "http://127.0.0.1:1");
    }

    @AfterAll
    static void stopStub() {
        memberService.disposeNow();
    }

    @BeforeEach
    void signIn() {
        // The gateway's own 5 s time limit decides; the client waits longer than that, so a busy
        // machine shows up as the gateway's answer, not as the test client giving up first.
        member = web.mutate()
                .responseTimeout(Duration.ofSeconds(30))
                .build()
                .mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_member")));
    }

    @Test
    void routesToTheServiceWithRequestIdAndWithoutBrowserCookies() {
        String requestId = member.get()
                .uri("/api/members/me")
                .header("Cookie", "SESSION=secret-session")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.ok")
                .isEqualTo(true)
                .returnResult()
                .getResponseHeaders()
                .getFirst("X-Request-Id");

        assertThat(seen.get(":path")).isEqualTo("/api/members/me");
        assertThat(seen).doesNotContainKey("cookie");
        assertThat(requestId).isNotBlank();
        assertThat(seen.get("x-request-id")).isEqualTo(requestId);
    }

    @Test
    void aBurstOfConcurrentCallsAllReachTheService() throws Exception {
        int burst = 120;
        ExecutorService callers = Executors.newFixedThreadPool(burst);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                statuses.add(callers.submit(() -> {
                    start.await();
                    return member.get()
                            .uri("/api/brands/slow")
                            .exchange()
                            .returnResult(String.class)
                            .getStatus()
                            .value();
                }));
            }
            start.countDown();
            List<Integer> answered = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                answered.add(status.get(30, TimeUnit.SECONDS));
            }

            assertThat(answered)
                    .as("a flash-drop burst is not shed by the gateway's bulkhead")
                    .hasSize(burst)
                    .containsOnly(200);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void serviceErrorsPassThroughUnchanged() {
        member.get()
                .uri("/api/brands/taken")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void unreachableServiceIs503Problem() {
        member.get()
                .uri("/api/communities")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:service-unavailable")
                .jsonPath("$.service")
                .isEqualTo("community-service");
    }

    @Test
    void fallbacksCannotBeCalledFromOutside() {
        member.get().uri("/fallback/member-service").exchange().expectStatus().isForbidden();
    }

    @Test
    void internalPathsAre404() {
        member.get()
                .uri("/internal/points/earn")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anonymousApiCallIs401ProblemWhileTheAppPagesArePublic() {
        web.get()
                .uri("/api/members/me")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get()
                .uri("/join/ABCD2345")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(org.springframework.http.CacheControl.noCache());
        web.get()
                .uri("/session/login?return=/events")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/oauth2/authorization/keycloak");
    }

    @Test
    void publicReadsMakeNoSessionAndNoCsrfTokenButKeepTheSecurityHeaders() {
        var answer = web.get()
                .uri("/api/public/invites/ABCD2345")
                .header("Cookie", "SESSION=someone-signed-in")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectBody()
                .jsonPath("$.brandName")
                .isEqualTo("Demo")
                .returnResult();

        assertThat(answer.getResponseCookies()).as("no SESSION, no XSRF-TOKEN").isEmpty();
        assertThat(seen).as("the browser's cookie stays at the gateway").doesNotContainKey("cookie");
        assertThat(seen).as("no token is relayed for a public read").doesNotContainKey("authorization");
        // A page of the app, by contrast, still hands the browser its CSRF token.
        assertThat(web.get()
                        .uri("/join/ABCD2345")
                        .accept(MediaType.TEXT_HTML)
                        .exchange()
                        .returnResult(String.class)
                        .getResponseCookies())
                .containsKey("XSRF-TOKEN");
    }

    @Test
    void writesToPublicPathsStillNeedASignIn() {
        web.post()
                .uri("/api/public/invites/ABCD2345")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void responsesCarrySecurityHeaders() {
        member.get()
                .uri("/api/members/me")
                .exchange()
                .expectHeader()
                .value("Content-Security-Policy", csp -> {
                    // The app's own scripts and WebAssembly (the staff QR decoder), nothing inline or eval'd.
                    assertThat(csp)
                            .contains("script-src 'self' 'wasm-unsafe-eval';")
                            .doesNotContain("'unsafe-eval'")
                            .contains("default-src 'self'");
                })
                .expectHeader()
                .valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader()
                .valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader()
                .valueEquals("X-Frame-Options", "DENY");
    }
}
