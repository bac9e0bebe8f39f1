package io.quanzi.community.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.support.CommunityApiTest;
import io.quanzi.platform.keys.RotatingSigningKeys;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class OfflineBatchTest extends CommunityApiTest {

    @Autowired
    CheckInTokens tokens;

    @Autowired
    RotatingSigningKeys keys;

    @Test
    void queuedScansSyncOnceWithTheirOriginalScanTime() {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String ann = rsvpd(event);
        String ben = rsvpd(event);
        Instant issued = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant scanned = issued.plusSeconds(20);
        List<Map<String, Object>> items = List.of(
                item(tokens.issue(event, ann, issued, keys.signingKey().block()).token(), scanned, "till-1"),
                item(
                        tokens.issue(event, ben, issued, keys.signingKey().block())
                                .token(),
                        scanned.plusSeconds(5),
                        "till-1"));

        sync(items, "store-1")
                .jsonPath("$.results[0].status")
                .isEqualTo("CHECKED_IN")
                .jsonPath("$.results[0].memberId")
                .isEqualTo(ann)
                .jsonPath("$.results[0].checkedInAt")
                .isEqualTo(scanned.toString())
                .jsonPath("$.results[0].seat")
                .isEqualTo(1)
                .jsonPath("$.results[0].capacity")
                .isEqualTo(10)
                .jsonPath("$.results[1].status")
                .isEqualTo("CHECKED_IN")
                .jsonPath("$.results[1].seat")
                .isEqualTo(2);

        sync(items, "store-1")
                .jsonPath("$.results[0].status")
                .isEqualTo("ALREADY_CHECKED_IN")
                .jsonPath("$.results[0].checkedInAt")
                .isEqualTo(scanned.toString())
                .jsonPath("$.results[1].status")
                .isEqualTo("ALREADY_CHECKED_IN");
        assertThat(checkInCount(event)).isEqualTo(2);
    }

    @Test
    void codeScannedAfterItExpiredIsRefused() {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String member = rsvpd(event);
        Instant issued = Instant.now().minusSeconds(300);
        CheckInTokens.Issued code =
                tokens.issue(event, member, issued, keys.signingKey().block());

        sync(List.of(item(code.token(), code.expiresAt().plusSeconds(30), "till-1")), "store-1")
                .jsonPath("$.results[0].status")
                .isEqualTo("REFUSED")
                .jsonPath("$.results[0].reason")
                .isEqualTo("token-expired");
        assertThat(checkInCount(event)).isZero();
    }

    @Test
    void aScanQueuedLongerThanAnOfflineScanMayWaitIsRefused() {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String member = rsvpd(event);
        Instant issued = Instant.now().minus(java.time.Duration.ofHours(25));
        CheckInTokens.Issued code =
                tokens.issue(event, member, issued, keys.signingKey().block());

        sync(List.of(item(code.token(), issued.plusSeconds(10), "till-1")), "store-1")
                .jsonPath("$.results[0].status")
                .isEqualTo("REFUSED")
                .jsonPath("$.results[0].reason")
                .isEqualTo("invalid-scan-time");
        assertThat(checkInCount(event)).isZero();
    }

    @Test
    void sameMemberScannedOnTwoDevicesChecksInOnce() {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String member = rsvpd(event);
        Instant issued = Instant.now().minusSeconds(40).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        sync(
                        List.of(
                                item(
                                        tokens.issue(
                                                        event,
                                                        member,
                                                        issued,
                                                        keys.signingKey().block())
                                                .token(),
                                        issued.plusSeconds(3),
                                        "till-1"),
                                item(
                                        tokens.issue(
                                                        event,
                                                        member,
                                                        issued.plusSeconds(10),
                                                        keys.signingKey().block())
                                                .token(),
                                        issued.plusSeconds(12),
                                        "till-2")),
                        "store-1")
                .jsonPath("$.results[0].status")
                .isEqualTo("CHECKED_IN")
                .jsonPath("$.results[1].status")
                .isEqualTo("ALREADY_CHECKED_IN")
                .jsonPath("$.results[1].checkedInAt")
                .isEqualTo(issued.plusSeconds(3).toString());
        assertThat(checkInCount(event)).isEqualTo(1);
    }

    @Test
    void eachItemIsJudgedOnItsOwn() {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String member = rsvpd(event);
        String stranger = "stranger-" + UUID.randomUUID();
        Instant issued = Instant.now().minusSeconds(30);

        sync(
                        List.of(
                                item("forged.token.here", issued, "till-1"),
                                item(
                                        tokens.issue(
                                                        event,
                                                        member,
                                                        Instant.now(),
                                                        keys.signingKey().block())
                                                .token(),
                                        Instant.now().plusSeconds(600),
                                        "till-1"),
                                item(
                                        tokens.issue(
                                                        event,
                                                        stranger,
                                                        issued,
                                                        keys.signingKey().block())
                                                .token(),
                                        issued.plusSeconds(1),
                                        "till-1"),
                                item(
                                        tokens.issue(
                                                        event,
                                                        member,
                                                        issued,
                                                        keys.signingKey().block())
                                                .token(),
                                        issued.plusSeconds(1),
                                        "till-1")),
                        "store-1")
                .jsonPath("$.results[0].reason")
                .isEqualTo("token-forged")
                .jsonPath("$.results[1].reason")
                .isEqualTo("invalid-scan-time")
                .jsonPath("$.results[2].reason")
                .isEqualTo("not-registered")
                .jsonPath("$.results[3].status")
                .isEqualTo("CHECKED_IN");
    }

    @Test
    void otherStoresStaffCannotSyncScans() {
        String event = createEvent(openEvent("store-1", 10, false, 0));
        String member = rsvpd(event);
        Instant issued = Instant.now().minusSeconds(30);

        sync(
                        List.of(item(
                                tokens.issue(
                                                event,
                                                member,
                                                issued,
                                                keys.signingKey().block())
                                        .token(),
                                issued,
                                "x")),
                        "store-2")
                .jsonPath("$.results[0].reason")
                .isEqualTo("wrong-store");
        assertThat(checkInCount(event)).isZero();
    }

    @Test
    void batchesOverTheLimitAre413AndEmptyBatches400Problems() {
        Map<String, Object> one = item("a.b.c", Instant.now(), "till-1");
        Map<List<Map<String, Object>>, Integer> expected =
                Map.of(Collections.nCopies(101, one), 413, List.<Map<String, Object>>of(), 400);
        expected.forEach((items, status) -> web.mutateWith(staff("sam", "store-1"))
                .post()
                .uri("/api/checkins/batch")
                .bodyValue(Map.of("items", items))
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private WebTestClient.BodyContentSpec sync(List<Map<String, Object>> items, String store) {
        return web.mutateWith(staff("staff-" + store, store))
                .post()
                .uri("/api/checkins/batch")
                .bodyValue(Map.of("items", items))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private static Map<String, Object> item(String token, Instant scannedAt, String deviceId) {
        return Map.of("token", token, "scannedAt", scannedAt.toString(), "deviceId", deviceId);
    }

    private long checkInCount(String event) {
        return mongo.count(Query.query(Criteria.where("eventId").is(event)), CheckIn.class)
                .block();
    }
}
