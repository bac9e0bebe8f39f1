package io.quanzi.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/** Every failure a client can cause, or meet, answers application/problem+json. */
@SpringBootTest(
        classes = ProblemTestApplication.class,
        properties = "spring.autoconfigure.exclude="
                + "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration,"
                + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration,"
                + "io.quanzi.platform.health.PlatformHealthAutoConfiguration")
@AutoConfigureWebTestClient
class ProblemResponsesTest {

    @Autowired
    WebTestClient web;

    WebTestClient member;

    @BeforeEach
    void signIn() {
        member = web.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_member")));
    }

    @Test
    void invalidFieldsAre400WithFieldErrors() {
        member.post()
                .uri("/api/things")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"\", \"size\": 1}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:validation")
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
    }

    @Test
    void invalidHeaderAndPathVariableAre400NamingEachAsTheClientSendsIt() {
        member.post()
                .uri("/api/keyed/not-an-id")
                .header("Idempotency-Key", "k1")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:bad-request")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail)
                        .contains("id: must be 24 hex digits")
                        .contains("Idempotency-Key: must be 8 or more letters or digits"))
                .jsonPath("$.errors.length()")
                .isEqualTo(2);
    }

    @Test
    void malformedJsonIs400() {
        member.post()
                .uri("/api/things")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The request body is not valid JSON for this endpoint.");
    }

    @Test
    void unknownFieldIs400NamingTheField() {
        member.post()
                .uri("/api/things")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"a\", \"size\": 1, \"balance\": 1000000}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Unknown field 'balance'.");
    }

    @Test
    void mongoOperatorInPlaceOfAValueIs400() {
        member.post()
                .uri("/api/things")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": {\"$ne\": null}, \"size\": 1}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Field 'name' has the wrong type or shape.");
    }

    @Test
    void wrongMediaTypeIs415() {
        member.post()
                .uri("/api/things")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("name=a")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:unsupported-media-type");
    }

    @Test
    void wrongMethodIs405() {
        member.delete()
                .uri("/api/things")
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:method-not-allowed");
    }

    @Test
    void unknownPathIs404() {
        member.get()
                .uri("/api/nowhere")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:not-found");
    }

    @Test
    void duplicateKeyIs409WithoutDatabaseDetails() {
        member.get()
                .uri("/api/duplicate")
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:duplicate")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .doesNotContain("E11000")
                        .doesNotContain("secret"));
    }

    @Test
    void unexpectedFailureIs500WithoutInternals() {
        member.get()
                .uri("/api/boom")
                .exchange()
                .expectStatus()
                .isEqualTo(500)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:internal")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .doesNotContain("hunter2")
                        .doesNotContain("mongodb"));
    }

    @Test
    void statusOfAnExplicitErrorIsKept() {
        member.get()
                .uri("/api/teapot")
                .exchange()
                .expectStatus()
                .isEqualTo(418)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Short and stout.");
    }

    @Test
    void declaredOversizedBodyIs413BeforeReading() {
        member.post()
                .uri("/api/things")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"" + "x".repeat(300 * 1024) + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void streamedOversizedBodyIs413() {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        Flux<DataBuffer> body = Flux.concat(
                Flux.just(DefaultDataBufferFactory.sharedInstance.wrap("{\"name\": \"a\"".getBytes())),
                Flux.range(0, 8).map(i -> DefaultDataBufferFactory.sharedInstance.wrap(chunk)),
                Flux.just(DefaultDataBufferFactory.sharedInstance.wrap("}".getBytes())));

        member.post()
                .uri("/api/things")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body, DataBuffer.class)
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void missingTokenIs401() {
        web.get()
                .uri("/api/things")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:unauthorized");
    }

    @Test
    void missingRoleIs403() {
        member.get()
                .uri("/api/staff-only")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:forbidden");
    }

    @Test
    void internalEndpointsNeedTheServiceRole() {
        member.get().uri("/internal/anything").exchange().expectStatus().isForbidden();
        web.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_service")))
                .get()
                .uri("/internal/anything")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void pathsOutsideTheApiAreDenied() {
        member.get().uri("/admin").exchange().expectStatus().isForbidden();
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        member.get()
                .uri("/api/staff-only")
                .header("X-Request-Id", "abc-123-def-456")
                .exchange()
                .expectHeader()
                .valueEquals("X-Request-Id", "abc-123-def-456");
        member.get()
                .uri("/api/staff-only")
                .header("X-Request-Id", "<script>")
                .exchange()
                .expectHeader()
                .value("X-Request-Id", id -> org.assertj.core.api.Assertions.assertThat(id)
                        .matches("[0-9a-f-]{36}"));
    }
}
