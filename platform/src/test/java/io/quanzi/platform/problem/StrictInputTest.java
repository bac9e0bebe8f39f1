package io.quanzi.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.net.URI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Wrong types, impossible dates, hostile URLs: each a 400 problem, never a silent conversion or a 500. */
@SpringBootTest(
        classes = ProblemTestApplication.class,
        properties = "spring.autoconfigure.exclude="
                + "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration,"
                + "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration,"
                + "io.quanzi.platform.health.PlatformHealthAutoConfiguration")
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class StrictInputTest {

    @Autowired
    WebTestClient web;

    WebTestClient member;

    @BeforeEach
    void signIn() {
        member = web.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_member")));
    }

    @Test
    void wellTypedValuesAreAccepted() {
        member.post()
                .uri("/api/typed")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"a\",\"count\":2,\"size\":3,\"price\":5,\"flag\":true,\"colour\":\"RED\","
                        + "\"at\":\"2026-12-01T10:00:00Z\",\"day\":\"2026-12-01\",\"amount\":\"42.10\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.price")
                .isEqualTo(5.0)
                .jsonPath("$.at")
                .isEqualTo("2026-12-01T10:00:00Z")
                .jsonPath("$.amount")
                .isEqualTo(42.1);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"count\": 1.9}",
                "{\"count\": 2.0}",
                "{\"count\": \"5\"}",
                "{\"count\": true}",
                "{\"size\": null}",
                "{\"price\": \"5\"}",
                "{\"price\": true}",
                "{\"name\": true}",
                "{\"name\": 5}",
                "{\"name\": 1.5}",
                "{\"flag\": \"true\"}",
                "{\"flag\": 1}",
                "{\"colour\": 0}",
                "{\"colour\": \"0\"}",
                "{\"colour\": \"PURPLE\"}",
                "{\"at\": \"+999999999-12-31T23:59:59Z\"}",
                "{\"at\": \"-000001-01-01T00:00:00Z\"}",
                "{\"at\": 1764583200}",
                "{\"day\": \"+999999999-12-31\"}",
                "{\"day\": 20261201}",
                "{\"name\": \"a\", \"name\": \"b\"}",
                "{\"amount\": \"lots\"}",
                "{\"amount\": true}"
            })
    void wrongTypesAre400Problems(String body) {
        member.post()
                .uri("/api/typed")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:bad-request");
    }

    @Test
    void wrongTypeNamesTheField() {
        member.post()
                .uri("/api/typed")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"count\": 1.9}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Field 'count' has the wrong type or shape.");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"name\": \"a\\u0000b\"}",
                "{\"name\": \"\\u001b[31mred\"}",
                "{\"name\": \"a\\u0007b\"}",
                "{\"name\": \"a\\u007fb\"}",
                "{\"name\": \"a\\u0085b\"}"
            })
    void controlCharactersInTextAre400ProblemsNamingTheField(String body) {
        member.post()
                .uri("/api/typed")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Field 'name' must not contain control characters (tabs and line breaks excepted).");
    }

    @Test
    void tabsAndLineBreaksInTextPass() {
        member.post()
                .uri("/api/typed")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"line one\\r\\nline two\\tend 圈子\", \"size\": 1}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("line one\r\nline two\tend 圈子");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%00b", "%0d%0aSet-Cookie:x", "%1b[31m"})
    void controlCharactersInQueryParametersAre400(String encoded) {
        member.get()
                .uri(URI.create("/api/search?q=" + encoded))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("Query parameter 'q' contains control characters.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%2B999999999-12-31", "-999999999-01-01", "10000-01-01", "2026-13-01", "yesterday"})
    void datesInQueryParametersOutsideTheRangeAre400(String day) {
        member.get()
                .uri(URI.create("/api/dated?day=" + day))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void ordinaryDateQueryParametersPass() {
        member.get()
                .uri("/api/dated?day=2026-12-01")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("2026-12-01");
    }

    @Test
    void ordinaryQueryParametersPass() {
        member.get()
                .uri("/api/search?q={q}", "Zhang Wei 张")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("Zhang Wei 张");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/api/../api/things", "/api/things/%2e%2e/x", "/api//things", "/api/a%2fb", "/api/a;jsessionid=1"
            })
    void firewallRefusalsAre400Problems(String path) {
        member.get()
                .uri(URI.create(path))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("X-Request-Id")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:bad-request");
    }

    @Test
    void errorLineOfA500CarriesTheRequestId(CapturedOutput output) {
        member.get()
                .uri("/api/boom")
                .header("X-Request-Id", "boom-request-4711")
                .exchange()
                .expectStatus()
                .isEqualTo(500);

        assertThat(output.getAll().lines().filter(line -> line.contains("ERROR")))
                .anySatisfy(line -> assertThat(line).contains("[boom-request-4711]"));
    }
}
