package io.quanzi.offer.support;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import io.quanzi.platform.test.EmbeddedMongo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One Spring context for every points test class (same configuration, so it is cached): the
 * embedded MongoDB-wire server, a clock tests move by hand (it replaces the app's {@code Clock}), scheduled jobs off (tests run them).
 * Tests isolate themselves with fresh brand and member ids.
 */
@SpringBootTest(
        properties = {
            "quanzi.points.jobs.enabled=false",
            // The embedded server warns on every aggregation cursor option it ignores.
            "logging.level.de.bwaldvogel.mongo.backend.aggregation=ERROR"
        })
@AutoConfigureWebTestClient
@Import(TestClockConfiguration.class)
public abstract class OfferTestSupport {

    /** A valid body for {@code PUT /api/points/brands/{brandId}/settings}. */
    protected static final String BRAND_SETTINGS =
            """
            {"activityPoints": {"CLUB_JOIN": 5, "CHECK_IN": 80, "FIRST_POST": 1, "REFERRAL_REFERRER": 7,
                                "REFERRAL_REFEREE": 3},
             "pointsPerCurrencyUnit": 2.5, "currency": "EUR", "expiryMonths": 6, "tierWindowMonths": 6,
             "tierGraceDays": 10,
             "tiers": [{"name": "Friend", "threshold": 0, "multiplier": 1.0},
                       {"name": "Insider", "threshold": 100, "multiplier": 2.0}]}""";

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    /** A brand and a member no other test uses, fresh for each test. */
    protected String brand;

    protected String memberId;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "offer-points-test");
    }

    @BeforeEach
    void freshBrandAndMember() {
        brand = newId("brand");
        memberId = newId("member");
    }

    /** Awards points through the internal API as a service would; returns the response body. */
    protected Map<String, Object> earn(String memberId, String brandId, String activity, Long points, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("idempotencyKey", key);
        body.put("memberId", memberId);
        body.put("brandId", brandId);
        body.put("activity", activity);
        body.put("sourceRef", "test:" + key);
        if (points != null) {
            body.put("points", points);
        }
        return web.mutateWith(service("community-service"))
                .post()
                .uri("/internal/points/earn")
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .is2xxSuccessful()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    /** The member's balance as other services read it. */
    protected long balance(String memberId, String brandId) {
        Number balance = (Number) web.mutateWith(service("member-service"))
                .get()
                .uri("/internal/points/members/{memberId}?brandId={brandId}", memberId, brandId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody()
                .get("balance");
        return balance.longValue();
    }

    protected void registerStore(String brandId, String storeId) {
        web.mutateWith(service("member-service"))
                .put()
                .uri("/internal/brands/{brandId}/stores/{storeId}", brandId, storeId)
                .exchange()
                .expectStatus()
                .isNoContent();
    }

    /** {@code GET} of {@link #brand}'s earning rules as {@code who}. */
    protected WebTestClient.ResponseSpec readSettings(JwtMutator who) {
        return web.mutateWith(who)
                .get()
                .uri("/api/points/brands/{brand}/settings", brand)
                .exchange();
    }

    /** {@code PUT} of {@link #brand}'s earning rules as {@code who}. */
    protected WebTestClient.ResponseSpec putSettings(JwtMutator who, String settings) {
        return web.mutateWith(who)
                .put()
                .uri("/api/points/brands/{brand}/settings", brand)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(settings)
                .exchange();
    }

    protected static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static JwtMutator member(String subject) {
        return mockJwt().jwt(jwt -> jwt.subject(subject)).authorities(new SimpleGrantedAuthority("ROLE_member"));
    }

    protected static JwtMutator service(String client) {
        return mockJwt()
                .jwt(jwt -> jwt.subject("service-account-" + client).claim("azp", client))
                .authorities(new SimpleGrantedAuthority("ROLE_service"));
    }

    protected static JwtMutator staff(String subject, String... storeIds) {
        return mockJwt()
                .jwt(jwt -> jwt.subject(subject)
                        .claim("store_ids", List.of(storeIds))
                        .claim("realm_access", Map.of("roles", List.of("staff"))))
                .authorities(new SimpleGrantedAuthority("ROLE_staff"));
    }

    protected static JwtMutator brandAdmin(String subject, String... brandIds) {
        return mockJwt()
                .jwt(jwt -> jwt.subject(subject)
                        .claim("brand_ids", List.of(brandIds))
                        .claim("realm_access", Map.of("roles", List.of("brand-admin"))))
                .authorities(new SimpleGrantedAuthority("ROLE_brand-admin"));
    }
}
