package io.quanzi.member;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import io.quanzi.platform.outbox.OutboxRelay;
import io.quanzi.platform.test.EmbeddedMongo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One application context for the feature tests: embedded MongoDB, offer-service (and the token
 * endpoint) played by {@link StubOfferService}, the outbox relay driven by the tests.
 */
@SpringBootTest(
        properties = {"quanzi.referral.daily-cap=3", "quanzi.referral.join-link-base=https://quanzi.test/join/"})
@AutoConfigureWebTestClient(timeout = "30s")
public abstract class MemberServiceTestSupport {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final StubOfferService offer = StubOfferService.get();

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected OutboxRelay relay;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "member-features");
        StubOfferService.properties(offer).forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void resetOfferService() {
        offer.reset();
    }

    protected static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static JwtMutator member(String subject) {
        return mockJwt()
                .jwt(jwt -> jwt.subject(subject)
                        .claim("name", "Member " + subject)
                        .claim("email", subject + "@example.com"))
                .authorities(new SimpleGrantedAuthority("ROLE_member"));
    }

    protected static JwtMutator member(String subject, String name) {
        return mockJwt()
                .jwt(jwt -> jwt.subject(subject).claim("name", name).claim("email", subject + "@example.com"))
                .authorities(new SimpleGrantedAuthority("ROLE_member"));
    }

    protected static JwtMutator brandAdmin(String... brandIds) {
        return mockJwt()
                .jwt(jwt -> jwt.subject("admin-" + String.join("-", brandIds))
                        .claim("brand_ids", List.of(brandIds))
                        .claim("realm_access", Map.of("roles", List.of("brand-admin"))))
                .authorities(new SimpleGrantedAuthority("ROLE_brand-admin"));
    }

    protected static JwtMutator service() {
        return mockJwt()
                .jwt(jwt -> jwt.subject("service-account-community-service"))
                .authorities(new SimpleGrantedAuthority("ROLE_service"));
    }

    protected static Jwt token(String subject) {
        return Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(subject)
                .claim("name", "Member " + subject)
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .build();
    }

    /** A brand with one store, created by its admin. */
    protected String brandWithStore(String storeId) {
        String brandId = newId("brand");
        web.mutateWith(brandAdmin(brandId))
                .put()
                .uri("/api/brands/{id}", brandId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "name",
                        "Brand " + brandId,
                        "slug",
                        brandId,
                        "defaultLocale",
                        "zh-CN",
                        "timezone",
                        "Asia/Shanghai"))
                .exchange()
                .expectStatus()
                .isOk();
        if (storeId != null) {
            web.mutateWith(brandAdmin(brandId))
                    .put()
                    .uri("/api/brands/{id}/stores/{store}", brandId, storeId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(storeBody("Flagship"))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        return brandId;
    }

    protected static Map<String, Object> storeBody(String name) {
        return Map.of(
                "name", name,
                "address", "1 Nanjing Road",
                "location", Map.of("lat", 31.23, "lon", 121.47),
                "openingHours", "Mo-Su 10:00-22:00",
                "timezone", "Asia/Shanghai",
                "status", "OPEN");
    }

    protected JsonNode join(String subject, String brandId, Map<String, Object> body) {
        byte[] reply = web.mutateWith(member(subject))
                .post()
                .uri("/api/members/me/brands/{brandId}/membership", brandId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(reply);
    }

    /** A new member (id from {@code prefix}) who has joined the brand's club without an invitation. */
    protected String joinedMember(String prefix, String brandId) {
        String subject = newId(prefix);
        join(subject, brandId, Map.of());
        return subject;
    }

    /** A new member (id from {@code prefix}) who has joined the brand's club with {@code inviter}'s code. */
    protected String invitedMember(String prefix, String brandId, String inviter) {
        String subject = newId(prefix);
        join(subject, brandId, Map.of("inviteCode", inviteCode(inviter, brandId)));
        return subject;
    }

    protected void leave(String subject, String brandId) {
        web.mutateWith(member(subject))
                .delete()
                .uri("/api/members/me/brands/{b}/membership", brandId)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    protected String inviteCode(String subject, String brandId) {
        return getJson(member(subject), "/api/members/me/brands/" + brandId + "/invite")
                .get("code")
                .asString();
    }

    protected JsonNode getJson(JwtMutator who, String uri) {
        byte[] reply = web.mutateWith(who)
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return JSON.readTree(reply);
    }

    protected long relay() {
        return relay.relayDue().block(Duration.ofSeconds(30));
    }
}
