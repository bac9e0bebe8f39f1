package io.quanzi.community.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import io.quanzi.community.CommunityApi;
import io.quanzi.community.support.CommunityApiTest;
import io.quanzi.platform.keys.RotatingSigningKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class CheckInTest extends CommunityApiTest {

    @Autowired
    CheckInTokens tokens;

    @Autowired
    RotatingSigningKeys keys;

    @Autowired
    CheckIns checkIns;

    @Test
    void validScanChecksInOnceAndAnyLaterScanSaysAlreadyCheckedIn() {
        String event = createEvent(openEvent("store-1", 10, false, 30));
        String member = rsvpd(event);
        String first = token(event, member);

        scan(first, "store-1")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("CHECKED_IN")
                .jsonPath("$.memberId")
                .isEqualTo(member)
                .jsonPath("$.eventTitle")
                .isEqualTo("Tasting night");

        refused(scan(first, "store-1"), 409, "already-checked-in")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).startsWith("Already checked in at "));
        refused(scan(token(event, member), "store-1"), 409, "already-checked-in");
        assertThat(checkInCount(event)).isEqualTo(1);
    }

    @Test
    void greenVerdictNamesTheMemberAndTheirSeatOfTheCapacity() {
        String event = createEvent(openEvent("store-1", 50, true, 0));
        String alice = "member-" + UUID.randomUUID();
        String bob = "member-" + UUID.randomUUID();
        rsvpNamed(event, alice, "  Alice W.  ");
        rsvpNamed(event, bob, "Bob Li");

        scan(token(event, bob), "store-1")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.memberName")
                .isEqualTo("Bob Li")
                .jsonPath("$.seat")
                .isEqualTo(2)
                .jsonPath("$.capacity")
                .isEqualTo(50);
        scan(token(event, alice), "store-1")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.memberName")
                .isEqualTo("Alice W.")
                .jsonPath("$.seat")
                .isEqualTo(1);

        String walkIn = "member-" + UUID.randomUUID();
        scan(token(event, walkIn), "store-1")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.walkIn")
                .isEqualTo(true)
                .jsonPath("$.seat")
                .isEqualTo(3)
                .jsonPath("$.memberName")
                .doesNotExist();
    }

    @Test
    void expiredTokenIsRefused() {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String member = rsvpd(event);
        String stale = tokens.issue(
                        event,
                        member,
                        Instant.now().minusSeconds(120),
                        keys.signingKey().block())
                .token();

        refused(scan(stale, "store-1"), 422, "token-expired");
        assertThat(checkInCount(event)).isZero();
    }

    @Test
    void forgedTokensAreRefused() throws Exception {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String member = rsvpd(event);
        ECKey impostor = new ECKeyGenerator(Curve.P_256)
                .keyID(keys.signingKey().block().getKeyID())
                .generate();
        String wrongKey = tokens.issue(event, member, Instant.now(), impostor).token();
        String genuine = token(event, member);
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String edited = parts[0] + "."
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(payload.replace(member, "someone-else").getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        String unsigned = parts[0].replace(parts[0], base64("{\"alg\":\"none\"}")) + "." + parts[1] + ".";
        SignedJWT untyped = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256)
                        .keyID(keys.signingKey().block().getKeyID())
                        .build(),
                SignedJWT.parse(genuine).getJWTClaimsSet());
        untyped.sign(new ECDSASigner(keys.signingKey().block()));

        for (String forged : List.of(wrongKey, edited, unsigned, untyped.serialize(), "not-a-token")) {
            refused(scan(forged, "store-1"), 422, "token-forged");
        }
        assertThat(checkInCount(event)).isZero();
    }

    @Test
    void codeForAnotherEventIsRefused() {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String other = createEvent(openEvent("store-1", 10, false, 0));
        String member = rsvpd(event);

        refused(
                web.mutateWith(staff("sam", "store-1"))
                        .post()
                        .uri("/api/checkins")
                        .bodyValue(Map.of("token", token(event, member), "eventId", other))
                        .exchange(),
                422,
                "other-event");
        assertThat(checkInCount(event)).isZero();
    }

    @Test
    void staffOfAnotherStoreCannotCheckIn() {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String member = rsvpd(event);

        refused(scan(token(event, member), "store-2"), 403, "wrong-store");
        assertThat(checkInCount(event)).isZero();
    }

    @Test
    void scanOutsideTheCheckInWindowIsRefused() {
        Map<String, Object> later = openEvent("store-1", 10, false, 0);
        Instant tomorrow = Instant.now().plusSeconds(86_400);
        later.put("startsAt", tomorrow.toString());
        later.put("endsAt", tomorrow.plusSeconds(7200).toString());
        later.put("checkInOpensAt", tomorrow.minusSeconds(1800).toString());
        later.put("checkInClosesAt", tomorrow.plusSeconds(3600).toString());
        String event = createEvent(later);
        String member = rsvpd(event);

        refused(scan(token(event, member), "store-1"), 422, "window-closed");
        assertThat(checkInCount(event)).isZero();
    }

    @Test
    void memberWithoutAPlaceIsNotRegistered() {
        String event = createEvent(openEvent("store-1", 1, false, 0));
        rsvpd(event);
        String waitlisted = rsvpd(event);
        String stranger = "stranger-" + UUID.randomUUID();

        web.mutateWith(member(stranger))
                .get()
                .uri("/api/events/{id}/checkin-token", event)
                .exchange()
                .expectStatus()
                .isEqualTo(422);
        refused(scan(tokens.issue(event, stranger).block().token(), "store-1"), 422, "not-registered");
        refused(scan(tokens.issue(event, waitlisted).block().token(), "store-1"), 422, "not-registered");
        assertThat(checkInCount(event)).isZero();
    }

    @Test
    void walkInsGetASeatWhileThereIsOneThenTheEventIsFull() {
        String event = createEvent(openEvent("store-1", 2, true, 0));
        rsvpd(event);
        String walkIn = "walk-in-" + UUID.randomUUID();
        String late = "late-" + UUID.randomUUID();

        scan(token(event, walkIn), "store-1")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.walkIn")
                .isEqualTo(true);
        refused(scan(token(event, late), "store-1"), 409, "event-full");
        assertThat(checkInCount(event)).isEqualTo(1);
    }

    @Test
    void walkInsToACommunityEventAreForThatCommunitysMembersOnly() {
        CommunityApi communities = new CommunityApi(web);
        String club = communities.createCommunity("ada", "brand-1", "CLUB", "OPEN", null);
        String insider = "insider-" + UUID.randomUUID();
        String outsider = "outsider-" + UUID.randomUUID();
        communities.joined(insider, club);
        Map<String, Object> body = openEvent("store-1", 5, true, 20);
        body.put("communityId", club);
        String event = createEvent(body);

        web.mutateWith(member(outsider))
                .get()
                .uri("/api/events/{id}/checkin-token", event)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:not-registered");
        refused(scan(tokens.issue(event, outsider).block().token(), "store-1"), 422, "not-registered");
        scan(token(event, insider), "store-1")
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.walkIn")
                .isEqualTo(true);
        assertThat(checkInCount(event)).isEqualTo(1);
    }

    @Test
    void fiftyConcurrentScansOfOneMemberCheckInOnce() {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String member = rsvpd(event);
        String walkInEvent = createEvent(openEvent("store-1", 10, true, 0));
        String walkIn = "walk-in-" + UUID.randomUUID();

        for (String[] target : List.of(new String[] {event, member}, new String[] {walkInEvent, walkIn})) {
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                codes.add(tokens.issue(target[0], target[1]).block().token());
            }
            StepVerifier.create(Flux.fromIterable(codes)
                            .flatMap(
                                    code -> checkIns.scan(
                                                    new CheckInRequest(code, null, "device-1"), staffAt("store-1"))
                                            .map(done -> "CHECKED_IN")
                                            .onErrorResume(
                                                    CheckInRefused.class,
                                                    refused -> reactor.core.publisher.Mono.just(
                                                            refused.reason().name()))
                                            .subscribeOn(Schedulers.parallel()),
                                    50)
                            .collectList())
                    .assertNext(outcomes -> {
                        assertThat(outcomes).filteredOn("CHECKED_IN"::equals).hasSize(1);
                        assertThat(outcomes)
                                .filteredOn("ALREADY_CHECKED_IN"::equals)
                                .hasSize(49);
                    })
                    .verifyComplete();
            assertThat(checkInCount(target[0])).isEqualTo(1);
        }
        web.mutateWith(member("x"))
                .get()
                .uri("/api/events/{id}", walkInEvent)
                .exchange()
                .expectBody()
                .jsonPath("$.seatsTaken")
                .isEqualTo(1);
    }

    @Test
    void membersCannotScan() {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String member = rsvpd(event);

        web.mutateWith(member(member))
                .post()
                .uri("/api/checkins")
                .bodyValue(Map.of("token", token(event, member)))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(checkInCount(event)).isZero();
    }

    @Test
    void publishedKeysVerifyTheCodesWithoutAToken() throws Exception {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String code = token(event, rsvpd(event));

        String jwks = web.get()
                .uri("/api/checkins/jwks")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        JWSObject jws = JWSObject.parse(code);
        ECKey published =
                (ECKey) JWKSet.parse(jwks).getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(published).isNotNull();
        assertThat(published.isPrivate()).isFalse();
        assertThat(jws.verify(new ECDSAVerifier(published))).isTrue();
        assertThat(jws.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        assertThat(claims).containsKeys("evt", "sub", "iat", "exp", "jti").containsEntry("evt", event);
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                .isBetween(30L, 60L);
    }

    @Test
    void malformedAndInjectedScansAre400ProblemsAndChangeNothing() {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String member = rsvpd(event);
        for (String body : List.of(
                "{\"token\":{\"$gt\":\"\"}}",
                "{\"token\":\"" + token(event, member) + "\",\"memberId\":\"someone\"}",
                "{\"token\":\"\"}",
                "[",
                "{\"token\":\"" + "a".repeat(5000) + "\"}")) {
            web.mutateWith(staff("sam", "store-1"))
                    .post()
                    .uri("/api/checkins")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(checkInCount(event)).isZero();
    }

    private String token(String event, String member) {
        return web.mutateWith(member(member))
                .get()
                .uri("/api/events/{id}/checkin-token", event)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("token")
                .toString();
    }

    private void rsvpNamed(String event, String member, String name) {
        web.mutateWith(namedMember(member, name))
                .post()
                .uri("/api/events/{id}/rsvp", event)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec scan(String token, String staffStore) {
        return web.mutateWith(staff("staff-" + staffStore, staffStore))
                .post()
                .uri("/api/checkins")
                .bodyValue(Map.of("token", token, "deviceId", "till-1"))
                .exchange();
    }

    private static WebTestClient.BodyContentSpec refused(WebTestClient.ResponseSpec response, int status, String type) {
        return response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("urn:quanzi:problem:" + type);
    }

    private long checkInCount(String event) {
        return mongo.count(Query.query(Criteria.where("eventId").is(event)), CheckIn.class)
                .block();
    }

    static JwtAuthenticationToken staffAt(String store) {
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject("staff-" + store)
                .claim("store_ids", List.of(store))
                .build();
        return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_staff")), "staff-" + store);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
