package io.quanzi.platform.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.platform.security.QuanziSecurityProperties;
import io.quanzi.platform.web.RequestIdFilter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

class ServiceWebClientsTest {

    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final List<String> tokenForms = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> requestIds = new CopyOnWriteArrayList<>();
    private DisposableServer stub;

    @BeforeEach
    void startStubKeycloakAndService() {
        stub = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.post("/realms/quanzi/protocol/openid-connect/token", (request, response) -> {
                            tokenRequests.incrementAndGet();
                            return response.header("Content-Type", "application/json")
                                    .sendString(request.receive()
                                            .aggregate()
                                            .asString()
                                            .map(form -> {
                                                tokenForms.add(form);
                                                return "{\"access_token\":\"service-token-1\",\"token_type\":\"Bearer\",\"expires_in\":300}";
                                            }));
                        })
                        .get("/api/echo", (request, response) -> {
                            authorizations.add(request.requestHeaders().get("Authorization"));
                            requestIds.add(
                                    String.valueOf(request.requestHeaders().get(RequestIdFilter.HEADER)));
                            return response.sendString(Mono.just("ok"));
                        }))
                .bindNow();
    }

    @AfterEach
    void stop() {
        stub.disposeNow();
    }

    @Test
    void callsCarryTheServiceAccountTokenFetchedOnceAndTheRequestId() {
        WebClient client = clients("community-service").builder(baseUrl()).build();

        Mono<String> call = client.get().uri("/api/echo").retrieve().bodyToMono(String.class);
        StepVerifier.create(call.contextWrite(context -> context.put(RequestIdFilter.CONTEXT_KEY, "req-12345678")))
                .expectNext("ok")
                .verifyComplete();
        StepVerifier.create(call).expectNext("ok").verifyComplete();

        assertThat(authorizations).containsExactly("Bearer service-token-1", "Bearer service-token-1");
        assertThat(tokenRequests).as("the token is cached until it expires").hasValue(1);
        assertThat(tokenForms.get(0))
                .contains("grant_type=client_credentials")
                .contains("client_id=community-service")
                .contains("client_secret=community-service-dev-secret");
        assertThat(requestIds).containsExactly("req-12345678", "null");
    }

    @Test
    void tokenEndpointSitsBesideTheSigningKeys() {
        assertThat(PlatformClientAutoConfiguration.tokenUriNextTo(
                        URI.create("http://keycloak:8080/realms/quanzi/protocol/openid-connect/certs")))
                .hasToString("http://keycloak:8080/realms/quanzi/protocol/openid-connect/token");
    }

    private ServiceWebClients clients(String applicationName) {
        QuanziSecurityProperties security =
                new QuanziSecurityProperties(baseUrl() + "/realms/quanzi", null, null, null);
        MockEnvironment environment = new MockEnvironment().withProperty("spring.application.name", applicationName);
        return new PlatformClientAutoConfiguration()
                .serviceWebClients(
                        WebClient.builder(), new ServiceClientProperties(null, null, null), security, environment);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + stub.port();
    }
}
