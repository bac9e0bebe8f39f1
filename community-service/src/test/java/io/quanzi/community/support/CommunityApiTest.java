package io.quanzi.community.support;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import io.quanzi.community.support.StubServer.Response;
import io.quanzi.platform.test.EmbeddedMongo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * community-service with mock JWTs, the embedded MongoDB-wire server and one stub standing in for member-service,
 * offer-service and Keycloak's token endpoint. Stores: {@code store-1} and {@code store-2} of {@code brand-1},
 * {@code store-9} of {@code brand-9}. Brands and their timezones: {@link #BRAND_ZONES}; other brands are unknown.
 */
@SpringBootTest
@AutoConfigureWebTestClient
public abstract class CommunityApiTest {

    protected static final StubServer downstream = new StubServer();

    protected static final Map<String, String> STORES =
            Map.of("store-1", "brand-1", "store-2", "brand-1", "store-9", "brand-9");

    /** Brand id → timezone, as member-service answers them; a test may add its own brands. */
    protected static final Map<String, String> BRAND_ZONES =
            new ConcurrentHashMap<>(Map.of("brand-1", "UTC", "brand-9", "UTC"));

    /** Stores and brands known, every write acknowledged. */
    public static final Function<StubServer.Request, Response> HEALTHY = request -> {
        if (request.path().startsWith("/internal/brands/")) {
            String brand = request.path().substring("/internal/brands/".length());
            String zone = BRAND_ZONES.get(brand);
            return zone == null
                    ? Response.of(404, "{\"type\":\"urn:quanzi:problem:brand-not-found\"}")
                    : Response.of(
                            200,
                            "{\"id\":\"" + brand + "\",\"name\":\"" + brand + "\",\"slug\":\"" + brand
                                    + "\",\"timezone\":\"" + zone + "\",\"status\":\"ACTIVE\"}");
        }
        if (request.path().startsWith("/internal/stores/")) {
            String store = request.path().substring("/internal/stores/".length());
            String brand = STORES.get(store);
            return brand == null
                    ? Response.of(404, "{\"type\":\"urn:quanzi:problem:not-found\"}")
                    : Response.of(
                            200,
                            "{\"id\":\"" + store + "\",\"brandId\":\"" + brand + "\",\"name\":\"" + store
                                    + "\",\"timezone\":\"UTC\",\"status\":\"ACTIVE\"}");
        }
        if (request.path().equals("/internal/points/earn")) {
            return Response.of(201, "{\"duplicate\":false}");
        }
        if (request.path().equals("/internal/referrals/milestones")) {
            return Response.status(202);
        }
        return Response.status(204);
    };

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ReactiveMongoTemplate mongo;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "community-events-test");
        registry.add("quanzi.community.offer-service-url", downstream::url);
        registry.add("quanzi.community.member-service-url", downstream::url);
        registry.add("quanzi.service-client.token-uri", () -> downstream.url() + "/token");
        registry.add("quanzi.community.circuit-open-for", () -> "500ms");
        registry.add("quanzi.outbox.interval", () -> "200ms");
        registry.add("quanzi.outbox.initial-backoff", () -> "100ms");
        registry.add("quanzi.outbox.max-backoff", () -> "400ms");
    }

    @BeforeEach
    void healthyDownstream() {
        downstream.respond(HEALTHY);
    }

    protected static JwtMutator member(String memberId) {
        return mockJwt()
                .jwt(jwt -> jwt.subject(memberId)
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(300)))
                .authorities(new SimpleGrantedAuthority("ROLE_member"));
    }

    /** A member whose token carries a display name ({@code name} claim), as Keycloak's tokens do. */
    protected static JwtMutator namedMember(String memberId, String name) {
        return mockJwt()
                .jwt(jwt -> jwt.subject(memberId)
                        .claim("name", name)
                        .claim("preferred_username", memberId)
                        .issuedAt(Instant.now())
                        .expiresAt(Instant.now().plusSeconds(300)))
                .authorities(new SimpleGrantedAuthority("ROLE_member"));
    }

    protected static JwtMutator staff(String staffId, String... storeIds) {
        return mockJwt()
                .jwt(jwt -> jwt.subject(staffId).claim("store_ids", List.of(storeIds)))
                .authorities(new SimpleGrantedAuthority("ROLE_staff"));
    }

    protected static JwtMutator admin(String adminId, String... brandIds) {
        return mockJwt()
                .jwt(jwt -> jwt.subject(adminId).claim("brand_ids", List.of(brandIds)))
                .authorities(new SimpleGrantedAuthority("ROLE_brand-admin"));
    }

    /** A valid event body at {@code storeId}, on now, check-in open now. */
    protected static Map<String, Object> openEvent(String storeId, int capacity, boolean walkIns, int points) {
        Instant now = Instant.now();
        return new java.util.LinkedHashMap<>(Map.of(
                "storeId",
                storeId,
                "title",
                "Tasting night",
                "description",
                "Bring a friend",
                "startsAt",
                now.minusSeconds(600).toString(),
                "endsAt",
                now.plusSeconds(7200).toString(),
                "checkInOpensAt",
                now.minusSeconds(600).toString(),
                "checkInClosesAt",
                now.plusSeconds(3600).toString(),
                "capacity",
                capacity,
                "walkInsAllowed",
                walkIns,
                "attendPoints",
                points));
    }

    /** {@code POST /api/events} as {@code who}; {@code body} is a map or a JSON string. */
    protected WebTestClient.ResponseSpec postEvent(JwtMutator who, Object body) {
        return web.mutateWith(who)
                .post()
                .uri("/api/events")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** Creates an event as an admin of {@code brand-1} (or the store's brand) and returns its id. */
    protected String createEvent(Map<String, Object> body) {
        String brand = STORES.get((String) body.get("storeId"));
        return postEvent(admin("admin-" + brand, brand), body)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
    }

    /** {@code POST /api/events/{id}/rsvp} as the member. */
    protected WebTestClient.ResponseSpec rsvpAs(String member, String event) {
        return web.mutateWith(member(member))
                .post()
                .uri("/api/events/{id}/rsvp", event)
                .exchange();
    }

    /** The member's current check-in token for {@code event}, as the app fetches it to draw the QR code. */
    protected String checkInToken(String event, String member) {
        return web.mutateWith(member(member))
                .get()
                .uri("/api/events/{id}/checkin-token", event)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .toString();
    }

    /** A fresh member who has RSVPed to {@code event}. */
    protected String rsvpd(String event) {
        String member = "member-" + UUID.randomUUID();
        rsvpAs(member, event).expectStatus().isOk();
        return member;
    }
}
