package io.quanzi.gateway;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What the gateway answers itself to hostile paths: problems with a request id, never an empty body. */
@SpringBootTest
@AutoConfigureWebTestClient
class GatewayErrorBodiesTest {

    @Autowired
    WebTestClient web;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/internal/points/earn",
                "/INTERNAL/points/earn",
                "/%69nternal/points/earn",
                "/%2569nternal/points/earn",
                "/internal;x=1/points/earn",
                "/api/internal%2fpoints",
                "/internal./points/earn",
                "/internal%20/points/earn",
                "/api/members/..%2f..%2finternal/points/earn",
                "/api//internal/points/earn",
                "/api/%2e%2e/internal/brands/x"
            })
    void everySpellingOfAnInternalPathIs404(String path) {
        for (WebTestClient client : new WebTestClient[] {
            web, web.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_service")))
        }) {
            client.get()
                    .uri(URI.create(path))
                    .header("Authorization", "Bearer not-even-a-token")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .exists("X-Request-Id");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/api//members/me", "/api/members/%2e%2e/brands", "/api/members;jsessionid=1/me", "/api/a%2fb"})
    void firewallRefusalsAre400Problems(String path) {
        web.mutateWith(mockJwt().authorities(new SimpleGrantedAuthority("ROLE_member")))
                .get()
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
}
