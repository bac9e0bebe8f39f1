package io.quanzi.devstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What both sweeps act on: the identities of the authorization matrix with real Keycloak tokens,
 * and real resources made through the gateway (a community with a post and a share, an event with
 * an RSVP, an offer with a claimed coupon, a purchase), plus a valid body for every operation that
 * takes one. Made once per test run; everything lives in {@code demo-brand} and {@code demo-store-1}.
 */
final class SweepWorld {

    static final String BRAND = "demo-brand";
    static final String STORE = "demo-store-1";

    /** The identities of the authorization sweep, and the rightful callers. */
    static final String ANONYMOUS = "anonymous";

    static final String MEMBER_A = "memberA";
    static final String MEMBER_B = "memberB";
    static final String OTHER_STAFF = "otherStoreStaff";
    static final String OTHER_ADMIN = "otherBrandAdmin";
    static final String SERVICE = "service";
    static final String BRAND_ADMIN = "brandAdmin";
    static final String STORE_STAFF = "storeStaff";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static SweepWorld world;

    private final Keycloak keycloak;
    private final Api gateway;
    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private Instant tokensFetched = Instant.EPOCH;

    final Stack stack;
    final Map<String, String> pathValues = new LinkedHashMap<>();
    final Map<String, Supplier<String>> bodies = new LinkedHashMap<>();
    /** Offers a sweep's own {@code POST /api/offers} made: see {@link #closeOffersMade()}. */
    private final Set<String> offersMade = ConcurrentHashMap.newKeySet();

    String memberA;
    String memberB;

    private SweepWorld(Stack stack) {
        this.stack = stack;
        this.keycloak = new Keycloak(stack);
        this.gateway = new Api(stack.gatewayUrl());
    }

    static synchronized SweepWorld get(Stack stack) {
        if (world == null) {
            SweepWorld built = new SweepWorld(stack);
            built.build();
            world = built;
        }
        return world;
    }

    /** A current access token of an identity, or null for the anonymous caller. */
    synchronized String token(String identity) {
        if (Duration.between(tokensFetched, Instant.now()).compareTo(Duration.ofMinutes(3)) > 0) {
            tokens.clear();
            tokensFetched = Instant.now();
        }
        if (identity.equals(ANONYMOUS)) {
            return null;
        }
        return tokens.computeIfAbsent(identity, this::freshToken);
    }

    private String freshToken(String identity) {
        return switch (identity) {
            case MEMBER_A, MEMBER_B ->
                keycloak.token(
                        "quanzi",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "quanzi-cli",
                                "username",
                                identity.toLowerCase() + passwords.get("suffix"),
                                "password",
                                passwords.get(identity)));
            case OTHER_STAFF -> keycloak.userToken("kim");
            case OTHER_ADMIN -> keycloak.userToken("otto");
            case BRAND_ADMIN -> keycloak.userToken("ada");
            case STORE_STAFF -> keycloak.userToken("sam");
            case SERVICE -> keycloak.serviceToken("member-service");
            default -> throw new IllegalArgumentException(identity);
        };
    }

    /** The path with each {name} replaced by the world's value for it. */
    String fill(String template) {
        String path = template;
        for (var value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (path.contains("{")) {
            throw new IllegalStateException("No value for a parameter of " + template);
        }
        return path;
    }

    /** Headers an operation needs besides the token (an idempotency key for claims). */
    Map<String, String> headers(String key) {
        return key.equals("POST /api/offers/{offerId}/claims")
                ? Map.of("Idempotency-Key", "sweep-" + UUID.randomUUID())
                : Map.of();
    }

    /** Remembers the offer an accepted {@code POST /api/offers} of a sweep made. */
    void noteOfferMade(RawHttp.Answer answer) {
        String request = answer.request();
        int query = request.indexOf('?');
        String operation = query < 0 ? request : request.substring(0, query);
        if (operation.equals("POST /api/offers") && answer.status() == 201) {
            offersMade.add(answer.json().get("id").asString());
        }
    }

    /**
     * Closes the offers a sweep made (accepted hostile titles among them, such as {@code $gt}), so that the stack the
     * later tests share, the browser tests' member home and its screenshots, does not list them as live offers.
     * Returns how many it closed.
     */
    int closeOffersMade() {
        List<String> made = List.copyOf(offersMade);
        for (String offerId : made) {
            ok(call("POST", "/api/offers/" + offerId + "/close", BRAND_ADMIN, null));
            offersMade.remove(offerId);
        }
        return made.size();
    }

    Http.Reply call(String method, String path, String identity, String json) {
        return gateway.send(method, path, token(identity), json);
    }

    private JsonNode ok(Http.Reply reply) {
        if (reply.status() / 100 != 2) {
            throw new IllegalStateException("Sweep set-up failed: " + reply);
        }
        return reply.body().isEmpty() ? JSON.createObjectNode() : reply.json();
    }

    private void build() {
        String suffix = "-" + Long.toString(System.nanoTime(), 36);
        passwords.put("suffix", suffix);
        for (String member : List.of(MEMBER_A, MEMBER_B)) {
            String username = member.toLowerCase() + suffix;
            String password = username + "-pass";
            passwords.put(member, password);
            Http.Reply created = keycloak.admin(
                    "POST",
                    "/users",
                    """
                    {"username":"%s","enabled":true,"email":"%s@sweep.quanzi.local","emailVerified":true,
                     "firstName":"Sweep","lastName":"%s","credentials":[{"type":"password","value":"%s","temporary":false}]}"""
                            .formatted(username, username, member, password));
            if (created.status() != 201) {
                throw new IllegalStateException("Could not register " + username + ": " + created);
            }
        }
        memberA = subject(token(MEMBER_A));
        memberB = subject(token(MEMBER_B));
        for (String member : List.of(MEMBER_A, MEMBER_B)) {
            ok(call("GET", "/api/members/me", member, null));
            ok(call("POST", "/api/members/me/brands/" + BRAND + "/membership", member, "{}"));
        }

        JsonNode community = ok(call("POST", "/api/communities", BRAND_ADMIN, communityBody()));
        String communityId = community.get("id").asString();
        for (String member : List.of(MEMBER_A, MEMBER_B)) {
            ok(call("POST", "/api/communities/" + communityId + "/join", member, "{}"));
        }
        String postId = ok(call(
                        "POST", "/api/communities/" + communityId + "/posts", MEMBER_A, "{\"text\":\"Sweep post\"}"))
                .get("id")
                .asString();
        String code = ok(call("POST", "/api/communities/posts/" + postId + "/shares", MEMBER_A, null))
                .get("code")
                .asString();
        String eventId = ok(call("POST", "/api/events", BRAND_ADMIN, eventBody()))
                .get("id")
                .asString();
        ok(call("POST", "/api/events/" + eventId + "/rsvp", MEMBER_A, null));
        // The demo stores reach offer-service through member-service's outbox: on a fresh stack, wait.
        Http.Reply offer = call("POST", "/api/offers", BRAND_ADMIN, offerBody());
        for (int tries = 0; offer.status() == 422 && tries < 240; tries++) {
            sleep();
            offer = call("POST", "/api/offers", BRAND_ADMIN, offerBody());
        }
        String offerId = ok(offer).get("id").asString();
        Http.Reply claim = gateway.send(
                "POST",
                "/api/offers/" + offerId + "/claims",
                token(MEMBER_A),
                null,
                "Idempotency-Key",
                "sweep-" + UUID.randomUUID());
        String couponId = ok(claim).get("id").asString();
        String purchaseId = ok(call("POST", "/api/points/purchases", STORE_STAFF, purchaseBody()))
                .get("purchaseId")
                .asString();

        pathValues.put("brandId", BRAND);
        pathValues.put("storeId", STORE);
        pathValues.put("communityId", communityId);
        pathValues.put("memberId", memberB);
        pathValues.put("postId", postId);
        pathValues.put("code", code);
        pathValues.put("eventId", eventId);
        pathValues.put("offerId", offerId);
        pathValues.put("couponId", couponId);
        pathValues.put("purchaseId", purchaseId);

        String brand = keep(
                ok(call("GET", "/api/brands/" + BRAND, BRAND_ADMIN, null)),
                "name",
                "slug",
                "logoUrl",
                "description",
                "defaultLocale",
                "timezone");
        JsonNode store = null;
        JsonNode stores = ok(call("GET", "/api/brands/" + BRAND + "/stores", BRAND_ADMIN, null));
        for (JsonNode candidate : stores.isArray() ? stores : stores.path("items")) {
            if (candidate.path("id").asString().equals(STORE)) {
                store = candidate;
            }
        }
        if (store == null) {
            throw new IllegalStateException("No " + STORE + " among the brand's stores");
        }
        String storeBody = keep(store, "name", "address", "location", "openingHours", "timezone", "status");
        String settings = keep(
                ok(call("GET", "/api/points/brands/" + BRAND + "/settings", BRAND_ADMIN, null)),
                "activityPoints",
                "pointsPerCurrencyUnit",
                "currency",
                "expiryMonths",
                "tierWindowMonths",
                "tierGraceDays",
                "tiers");

        bodies.put("PATCH /api/members/me", () -> "{\"displayName\":\"Sweep Member\"}");
        bodies.put(
                "POST /api/members/me/consents/{brandId}",
                () -> "{\"granted\":true,\"textVersion\":\"v1\",\"channel\":\"APP\"}");
        bodies.put("POST /api/members/me/brands/{brandId}/membership", () -> "{}");
        bodies.put("PUT /api/brands/{brandId}", () -> brand);
        bodies.put("PUT /api/brands/{brandId}/stores/{storeId}", () -> storeBody);
        bodies.put("POST /api/communities", this::communityBody);
        bodies.put("POST /api/communities/{communityId}/join", () -> "{}");
        bodies.put("PATCH /api/communities/{communityId}", () -> "{\"description\":\"Edited by the sweep\"}");
        bodies.put("POST /api/communities/{communityId}/requests/{memberId}/reject", () -> "{\"reason\":\"Not now\"}");
        bodies.put("POST /api/communities/{communityId}/invitations", () -> "{\"memberId\":\"" + memberB + "\"}");
        bodies.put("POST /api/communities/{communityId}/members/{memberId}/remove", () -> "{\"reason\":\"Sweep\"}");
        bodies.put("POST /api/communities/{communityId}/members/{memberId}/ban", () -> "{\"reason\":\"Sweep\"}");
        bodies.put("PUT /api/communities/{communityId}/members/{memberId}/role", () -> "{\"role\":\"MEMBER\"}");
        bodies.put("POST /api/communities/{communityId}/posts", () -> "{\"text\":\"Sweep post\"}");
        bodies.put("POST /api/communities/posts/{postId}/comments", () -> "{\"text\":\"Sweep comment\"}");
        bodies.put("POST /api/communities/posts/{postId}/reports", () -> "{\"reason\":\"Spam\"}");
        bodies.put("POST /api/communities/posts/{postId}/hide", () -> "{\"reason\":\"Sweep\"}");
        bodies.put("POST /api/communities/posts/{postId}/restore", () -> "{\"reason\":\"Sweep\"}");
        bodies.put("POST /api/events", this::eventBody);
        bodies.put("PUT /api/events/{eventId}", this::eventBody);
        bodies.put(
                "POST /api/checkins",
                () -> "{\"token\":\"" + checkInToken(eventId) + "\",\"eventId\":\"" + eventId + "\"}");
        bodies.put(
                "POST /api/checkins/batch",
                () -> "{\"items\":[{\"token\":\"" + checkInToken(eventId) + "\",\"scannedAt\":\""
                        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}]}");
        bodies.put(
                "POST /api/points/brands/{brandId}/adjustments",
                () -> "{\"memberId\":\"" + memberA + "\",\"points\":1,\"reason\":\"Sweep\",\"idempotencyKey\":\"sweep-"
                        + UUID.randomUUID() + "\"}");
        bodies.put("PUT /api/points/brands/{brandId}/settings", () -> settings);
        bodies.put("POST /api/points/purchases", this::purchaseBody);
        bodies.put("POST /api/points/purchases/{purchaseId}/refund", () -> "{}");
        bodies.put("POST /api/offers", this::offerBody);
        bodies.put("PATCH /api/offers/{offerId}", () -> "{\"description\":\"Edited by the sweep\"}");
        bodies.put(
                "POST /api/coupons/redemptions",
                () -> "{\"token\":\"" + couponToken(couponId) + "\",\"storeId\":\"" + STORE + "\"}");
    }

    private static void sleep() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private String checkInToken(String eventId) {
        Http.Reply reply = call("GET", "/api/events/" + eventId + "/checkin-token", MEMBER_A, null);
        return reply.status() == 200 ? reply.json().get("token").asString() : "no-token";
    }

    private String couponToken(String couponId) {
        Http.Reply reply = call("GET", "/api/coupons/" + couponId + "/qr-token", MEMBER_A, null);
        return reply.status() == 200 ? reply.json().get("token").asString() : "no-token";
    }

    private String communityBody() {
        return "{\"brandId\":\"" + BRAND
                + "\",\"name\":\"Sweep club\",\"kind\":\"CLUB\",\"joinPolicy\":\"OPEN\",\"sizeCap\":1000}";
    }

    private String eventBody() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return """
                {"storeId":"%s","title":"Sweep night","startsAt":"%s","endsAt":"%s","checkInOpensAt":"%s",
                 "checkInClosesAt":"%s","capacity":500,"walkInsAllowed":false,"attendPoints":5}"""
                .formatted(
                        STORE,
                        now.minusSeconds(600),
                        now.plus(Duration.ofHours(3)),
                        now.minusSeconds(600),
                        now.plus(Duration.ofHours(2)));
    }

    private String offerBody() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return """
                {"brandId":"%s","type":"DISCOUNT_COUPON","title":"Sweep offer","validFrom":"%s","validUntil":"%s",
                 "redeemableStoreIds":["%s"],"totalStock":100000,"perMemberLimit":100}"""
                .formatted(BRAND, now.minusSeconds(60), now.plus(Duration.ofDays(2)), STORE);
    }

    private String purchaseBody() {
        return """
                {"brandId":"%s","storeId":"%s","memberId":"%s","receiptNumber":"SW-%s","amount":"10.00","currency":"CNY"}"""
                .formatted(BRAND, STORE, memberA, Long.toString(System.nanoTime(), 36));
    }

    private static String keep(JsonNode source, String... fields) {
        ObjectNode kept = JSON.createObjectNode();
        for (String field : fields) {
            if (source.has(field) && !source.get(field).isNull()) {
                kept.set(field, source.get(field));
            }
        }
        return kept.toString();
    }

    static String subject(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(claims).get("sub").asString();
    }
}
