package io.quanzi.platform.test;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every Quanzi service promises before it has any feature: probes and metrics for operators,
 * API docs, tokens required, service-only internals, problem+json for errors, and readiness that
 * tells whether MongoDB and Keycloak can be reached. A service's test extends this with
 * {@code @SpringBootTest @AutoConfigureWebTestClient}.
 */
public abstract class ServiceBaselineContract {

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void embeddedMongoAndUnreachableKeycloak(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "baseline");
        // Nothing listens on port 1: readiness must say Keycloak is down.
        registry.add("quanzi.security.issuer", () -> "http://127.0.0.1:1/realms/quanzi");
    }

    @Test
    void livenessIsPublic() {
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void readinessReflectsMongoAndKeycloak() {
        web.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectBody()
                .jsonPath("$.components.mongo.status")
                .isEqualTo("UP")
                .jsonPath("$.components.keycloak.status")
                .isEqualTo("DOWN");
    }

    @Test
    void prometheusMetricsAreExposed() {
        web.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocsArePublished() {
        web.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.openapi")
                .exists();
    }

    @Test
    void apiWithoutTokenIs401Problem() {
        web.get()
                .uri("/api/anything")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void internalEndpointsRefuseMembers() {
        web.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_member")))
                .post()
                .uri("/internal/anything")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void unknownApiPathIs404Problem() {
        web.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_member")))
                .get()
                .uri("/api/no-such-endpoint")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
