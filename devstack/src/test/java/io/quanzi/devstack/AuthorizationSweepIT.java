package io.quanzi.devstack;

import static io.quanzi.devstack.SweepWorld.ANONYMOUS;
import static io.quanzi.devstack.SweepWorld.BRAND_ADMIN;
import static io.quanzi.devstack.SweepWorld.MEMBER_A;
import static io.quanzi.devstack.SweepWorld.MEMBER_B;
import static io.quanzi.devstack.SweepWorld.OTHER_ADMIN;
import static io.quanzi.devstack.SweepWorld.OTHER_STAFF;
import static io.quanzi.devstack.SweepWorld.SERVICE;
import static io.quanzi.devstack.SweepWorld.STORE_STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every {@code /api} operation of every service's OpenAPI document, through the gateway, for every
 * identity: anonymous, the owner (member A), another member (B), staff of another store, admin of
 * another brand and a service account. Each pair has an explicit verdict below; an operation
 * without one fails the sweep, so a new endpoint cannot slip in unjudged. Then no {@code /internal}
 * path is reachable through the gateway by any spelling.
 */
@ExtendWith(RunningStack.class)
class AuthorizationSweepIT {

    /** Verdicts of the five identities that are not the rightful caller. */
    private static final String MEMBERS = "anon=401 B=ok staffX=403 adminX=403 svc=403";

    private static final String OWNER = "anon=401 B=404 staffX=403 adminX=403 svc=403";
    private static final String ADMIN_OF_BRAND = "anon=401 B=403 staffX=403 adminX=403 svc=403";
    private static final String STAFF_OF_STORE = ADMIN_OF_BRAND;
    private static final String MEMBER_OR_ADMIN = "anon=401 B=ok staffX=403 adminX=ok svc=403";
    /** Post readers: members (any member for an open community); an admin of another brand is not one. */
    private static final String READERS = MEMBERS;

    private static final String AUTHENTICATED = "anon=401 B=ok staffX=ok adminX=ok svc=ok";
    private static final String PUBLIC = "anon=ok B=ok staffX=ok adminX=ok svc=ok";

    private static final Map<String, String> IDENTITIES =
            Map.of("anon", ANONYMOUS, "B", MEMBER_B, "staffX", OTHER_STAFF, "adminX", OTHER_ADMIN, "svc", SERVICE);

    /** Operation → rightful caller and the verdicts of the others, in the order they run. */
    private static final Map<String, String[]> MATRIX = new LinkedHashMap<>();

    private static void judge(String operation, String rightful, String others) {
        MATRIX.put(operation, new String[] {rightful, others});
    }

    static {
        // member-service: profile, consent and privacy (the member is always the token's subject)
        judge("GET /api/public/invites/{code}", ANONYMOUS, PUBLIC);
        judge("GET /api/members/me", MEMBER_A, MEMBERS);
        judge("PATCH /api/members/me", MEMBER_A, MEMBERS);
        judge("GET /api/members/me/export", MEMBER_A, MEMBERS);
        judge("POST /api/members/me/consents/{brandId}", MEMBER_A, MEMBERS);
        judge("GET /api/members/me/consents", MEMBER_A, MEMBERS);
        judge("GET /api/members/me/consents/{brandId}", MEMBER_A, MEMBERS);
        // clubs, card, invites
        judge("POST /api/members/me/brands/{brandId}/membership", MEMBER_A, MEMBERS);
        judge("GET /api/members/me/brands/{brandId}/membership", MEMBER_A, MEMBERS);
        judge("GET /api/members/me/brands/{brandId}/card", MEMBER_A, MEMBERS);
        judge("GET /api/members/me/brands/{brandId}/card/qr.svg", MEMBER_A, MEMBERS);
        judge("GET /api/members/me/brands/{brandId}/invite", MEMBER_A, MEMBERS);
        judge("GET /api/members/me/brands/{brandId}/invite/qr.svg", MEMBER_A, MEMBERS);
        // brands and stores
        judge("GET /api/brands", MEMBER_A, AUTHENTICATED);
        judge("GET /api/brands/{brandId}", MEMBER_A, AUTHENTICATED);
        judge("GET /api/brands/{brandId}/stores", MEMBER_A, AUTHENTICATED);
        judge("PUT /api/brands/{brandId}", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("PUT /api/brands/{brandId}/stores/{storeId}", BRAND_ADMIN, ADMIN_OF_BRAND);
        // brand admin's member list, statistics, referrals
        judge("GET /api/brands/{brandId}/members", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/brands/{brandId}/members/export", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/brands/{brandId}/members/stats/joins", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/brands/{brandId}/referrals/leaderboard", BRAND_ADMIN, ADMIN_OF_BRAND);

        // community-service: communities and admission
        judge("POST /api/communities", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/communities", MEMBER_A, MEMBER_OR_ADMIN);
        judge("GET /api/communities/{communityId}", MEMBER_A, MEMBER_OR_ADMIN);
        judge("POST /api/communities/{communityId}/join", MEMBER_A, MEMBERS);
        judge("GET /api/communities/{communityId}/membership", MEMBER_A, MEMBER_OR_ADMIN);
        judge("POST /api/communities/{communityId}/invitation/accept", MEMBER_A, MEMBERS);
        judge("GET /api/communities/{communityId}/requests", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("POST /api/communities/{communityId}/requests/{memberId}/approve", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("POST /api/communities/{communityId}/requests/{memberId}/reject", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("POST /api/communities/{communityId}/invitations", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("PUT /api/communities/{communityId}/members/{memberId}/role", BRAND_ADMIN, ADMIN_OF_BRAND);
        // running a community: edit, member list, moderation queue, share chains
        judge("PATCH /api/communities/{communityId}", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/communities/{communityId}/members", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/communities/moderation/brands/{brandId}/reports", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/communities/analytics/brands/{brandId}/share-chains", BRAND_ADMIN, ADMIN_OF_BRAND);
        // posts and spread
        judge("POST /api/communities/{communityId}/posts", MEMBER_A, MEMBERS);
        judge("GET /api/communities/{communityId}/posts", MEMBER_A, READERS);
        judge("GET /api/communities/posts/{postId}", MEMBER_A, READERS);
        judge("POST /api/communities/posts/{postId}/comments", MEMBER_A, MEMBERS);
        judge("GET /api/communities/posts/{postId}/comments", MEMBER_A, READERS);
        judge("PUT /api/communities/posts/{postId}/like", MEMBER_A, MEMBERS);
        judge("POST /api/communities/posts/{postId}/reports", MEMBER_A, READERS);
        judge("POST /api/communities/posts/{postId}/shares", MEMBER_A, MEMBERS);
        judge("GET /api/communities/shares/{code}", MEMBER_A, MEMBER_OR_ADMIN);
        judge("POST /api/communities/posts/{postId}/hide", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("POST /api/communities/posts/{postId}/restore", BRAND_ADMIN, ADMIN_OF_BRAND);
        // analytics
        judge("GET /api/communities/analytics/brands/{brandId}", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/communities/analytics/communities/{communityId}", BRAND_ADMIN, ADMIN_OF_BRAND);
        // a member's communities, for the brand's admins
        judge("GET /api/communities/brands/{brandId}/members/{memberId}/memberships", BRAND_ADMIN, ADMIN_OF_BRAND);
        // events and check-in
        judge("POST /api/events", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/events", MEMBER_A, AUTHENTICATED);
        judge("GET /api/events/me", MEMBER_A, MEMBERS);
        judge("GET /api/events/{eventId}", MEMBER_A, AUTHENTICATED);
        judge("PUT /api/events/{eventId}", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("POST /api/events/{eventId}/rsvp", MEMBER_A, MEMBERS);
        judge("GET /api/events/{eventId}/attendees", STORE_STAFF, STAFF_OF_STORE);
        judge("GET /api/events/{eventId}/checkin-token", MEMBER_A, MEMBERS);
        judge("POST /api/checkins", STORE_STAFF, STAFF_OF_STORE);
        judge("POST /api/checkins/batch", STORE_STAFF, "anon=401 B=403 staffX=ok adminX=403 svc=403");
        judge("GET /api/checkins/jwks", ANONYMOUS, PUBLIC);
        // The previews behind share and invite links: public fields only, for visitors without an account.
        judge("GET /api/public/shares/{code}", ANONYMOUS, PUBLIC);

        // offer-service: points wallet
        judge("GET /api/points/me", MEMBER_A, MEMBERS);
        judge("GET /api/points/me/history", MEMBER_A, MEMBERS);
        judge("GET /api/points/me/tier-history", MEMBER_A, MEMBERS);
        judge("GET /api/points/brands/{brandId}/settings", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("PUT /api/points/brands/{brandId}/settings", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("POST /api/points/brands/{brandId}/adjustments", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/points/brands/{brandId}/members/{memberId}", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/points/brands/{brandId}/members/{memberId}/history", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("POST /api/points/purchases", STORE_STAFF, STAFF_OF_STORE);
        judge("POST /api/points/purchases/{purchaseId}/refund", STORE_STAFF, STAFF_OF_STORE);
        // offers and drops
        judge("POST /api/offers", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("PATCH /api/offers/{offerId}", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/offers/managed", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/offers/managed/{offerId}", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/offers/managed/{offerId}/stats", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("GET /api/offers", MEMBER_A, MEMBERS);
        judge("GET /api/offers/{offerId}", MEMBER_A, MEMBERS);
        judge("POST /api/offers/{offerId}/claims", MEMBER_A, MEMBERS);
        judge("POST /api/offers/{offerId}/pause", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("POST /api/offers/{offerId}/resume", BRAND_ADMIN, ADMIN_OF_BRAND);
        // coupons
        judge("GET /api/coupons/me", MEMBER_A, MEMBERS);
        judge("GET /api/coupons/{couponId}", MEMBER_A, OWNER);
        judge("GET /api/coupons/{couponId}/qr-token", MEMBER_A, OWNER);
        judge("POST /api/coupons/redemptions", STORE_STAFF, STAFF_OF_STORE);
        judge("GET /api/coupons/jwks", ANONYMOUS, PUBLIC);

        // Last, what ends something the operations above act on.
        judge("DELETE /api/communities/posts/{postId}/like", MEMBER_A, READERS);
        judge("POST /api/communities/{communityId}/members/{memberId}/remove", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("POST /api/communities/{communityId}/members/{memberId}/ban", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("DELETE /api/communities/{communityId}/membership", MEMBER_A, MEMBER_OR_ADMIN);
        judge("DELETE /api/events/{eventId}/rsvp", MEMBER_A, MEMBERS);
        judge("POST /api/events/{eventId}/cancel", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("POST /api/offers/{offerId}/close", BRAND_ADMIN, ADMIN_OF_BRAND);
        judge("DELETE /api/members/me/brands/{brandId}/membership", MEMBER_A, MEMBERS);
        judge("DELETE /api/members/me", MEMBER_A, MEMBERS);
    }

    private final Stack stack = RunningStack.stack();

    /** The identity rightly calling an operation (an owner, the brand's admin, the store's staff). */
    static String rightfulCaller(String operation) {
        String[] row = MATRIX.get(operation);
        if (row == null) {
            throw new IllegalStateException("No verdict for " + operation + ": add it to the matrix");
        }
        return row[0];
    }

    @Test
    void everyOperationAnswersEveryIdentityAsJudged() {
        SweepWorld world = SweepWorld.get(stack);
        RawHttp gateway = new RawHttp(stack.gatewayUrl());
        Set<String> documented = ApiDocs.load(stack).stream()
                .map(ApiDocs.Operation::key)
                .collect(Collectors.toCollection(LinkedHashSet::new));

        Set<String> unjudged = new LinkedHashSet<>(documented);
        unjudged.removeAll(MATRIX.keySet());
        Set<String> undocumented = new LinkedHashSet<>(MATRIX.keySet());
        undocumented.removeAll(documented);
        assertThat(unjudged)
                .as("operations in the OpenAPI documents without a verdict")
                .isEmpty();
        assertThat(undocumented)
                .as("verdicts for operations no service documents")
                .isEmpty();

        List<String> wrong = new ArrayList<>();
        int cases = 0;
        // First everyone who is not the rightful caller: none of these may change anything.
        for (var row : MATRIX.entrySet()) {
            for (String verdict : row.getValue()[1].split(" ")) {
                String[] who = verdict.split("=");
                String identity = IDENTITIES.get(who[0]);
                if (identity.equals(row.getValue()[0])) {
                    continue;
                }
                cases++;
                check(world, gateway, row.getKey(), identity, who[1], wrong);
            }
        }
        // Then the rightful caller of each, in the matrix's order (what ends things comes last).
        for (var row : MATRIX.entrySet()) {
            cases++;
            check(world, gateway, row.getKey(), row.getValue()[0], "ok", wrong);
        }
        int closed = world.closeOffersMade();
        System.out.printf(
                "Authorization sweep: %d operations × identities = %d cases, %d wrong; %d offers it made closed%n",
                MATRIX.size(), cases, wrong.size(), closed);
        assertThat(wrong).as("answers that differ from their verdict").isEmpty();
    }

    @Test
    void noInternalPathIsReachableThroughTheGatewayBySpellingIt() {
        SweepWorld world = SweepWorld.get(stack);
        RawHttp gateway = new RawHttp(stack.gatewayUrl());
        List<String> internalPaths = new ArrayList<>();
        Http http = Http.api();
        for (String service : ApiDocs.SERVICES) {
            http.get(stack.serviceUrl(service) + "/v3/api-docs")
                    .json()
                    .path("paths")
                    .propertyNames()
                    .forEach(path -> {
                        if (path.startsWith("/internal/")) {
                            internalPaths.add(world.fill(path.replace("{memberId}", "x")));
                        }
                    });
        }
        assertThat(internalPaths).isNotEmpty();
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (String path : internalPaths) {
            String rest = path.substring("/internal".length());
            List<String> spellings = List.of(
                    path,
                    "/INTERNAL" + rest,
                    "/Internal" + rest,
                    "/%69nternal" + rest,
                    "/%49NTERNAL" + rest,
                    "/%2569nternal" + rest,
                    "/internal;a=b" + rest,
                    "/internal%3bx" + rest,
                    "/internal." + rest,
                    "/internal%20" + rest,
                    "/internal%09" + rest,
                    "//internal" + rest,
                    "/./internal" + rest,
                    "/api/../internal" + rest,
                    "/api/%2e%2e/internal" + rest,
                    "/api/..%2finternal" + rest,
                    "/api/members/..%2f..%2finternal" + rest,
                    "/api%2finternal" + rest,
                    "/api/internal" + rest,
                    "/api/members/%2e%2e/%2e%2e/internal" + rest,
                    "/internal" + rest.replace("/", "%2f"),
                    "/internal\\" + rest.substring(1));
            for (String spelling : spellings) {
                for (String identity : List.of(ANONYMOUS, SERVICE, MEMBER_A)) {
                    for (String method : List.of("GET", "POST", "PUT")) {
                        cases++;
                        RawHttp.Answer answer = gateway.send(
                                method, spelling, auth(world, identity, "{}"), "{}".getBytes(StandardCharsets.UTF_8));
                        // A backslash is not valid in an HTTP request target: Netty refuses it (400).
                        int expected = spelling.contains("\\") ? 400 : 404;
                        if (answer.status() != expected || !answer.isProblem()) {
                            wrong.add(identity + " " + answer);
                        }
                    }
                }
            }
        }
        System.out.printf("Internal-path sweep: %d cases, %d reachable or not a 404 problem%n", cases, wrong.size());
        assertThat(wrong).isEmpty();
    }

    static Map<String, String> auth(SweepWorld world, String identity, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        String token = world.token(identity);
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return headers;
    }

    private static void check(
            SweepWorld world, RawHttp gateway, String operation, String identity, String expected, List<String> wrong) {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(operation.indexOf(' ') + 1);
        var body = world.bodies.get(operation);
        String json = body == null ? null : body.get();
        String path = world.fill(template) + query(template);
        Map<String, String> headers = auth(world, identity, json);
        headers.putAll(world.headers(operation));
        RawHttp.Answer answer =
                gateway.send(method, path, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        if (BadInputSweepIT.isGatewayUnavailable(answer)) {
            BadInputSweepIT.TRANSIENT.incrementAndGet();
            answer = gateway.send(method, path, headers, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
        }
        world.noteOfferMade(answer);
        boolean right =
                switch (expected) {
                    case "ok" -> answer.status() < 500 && answer.status() != 401 && answer.status() != 403;
                    default -> answer.status() == Integer.parseInt(expected);
                };
        if (answer.status() >= 400 && (!answer.isProblem() || answer.header("X-Request-Id") == null)) {
            right = false;
        }
        if (!right) {
            wrong.add(identity + " expected " + expected + ": " + answer);
        }
    }

    /** The query parameters an operation needs to mean something. */
    static String query(String template) {
        return switch (template) {
            case "/api/communities", "/api/events", "/api/offers", "/api/offers/managed" ->
                "?brandId=" + SweepWorld.BRAND;
            case "/api/points/me", "/api/points/me/history", "/api/points/me/tier-history" ->
                "?brandId=" + SweepWorld.BRAND;
            default -> "";
        };
    }
}
