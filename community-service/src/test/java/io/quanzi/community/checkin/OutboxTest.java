package io.quanzi.community.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.support.CommunityApiTest;
import io.quanzi.community.support.StubServer;
import io.quanzi.community.support.StubServer.Response;
import io.quanzi.platform.outbox.OutboxEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

class OutboxTest extends CommunityApiTest {

    private static final Pattern KEY = Pattern.compile("\"idempotencyKey\":\"([^\"]+)\"");

    @Test
    void checkInsSucceedWhileOfferServiceIsDownAndEveryAwardArrivesOnceWhenItReturns() throws Exception {
        AtomicBoolean offerUp = new AtomicBoolean(false);
        Map<String, AtomicInteger> firstTimeAcks = new ConcurrentHashMap<>();
        downstream.respond(request -> {
            if (!request.path().startsWith("/internal/points")
                    && !request.path().startsWith("/internal/facts")) {
                return HEALTHY.apply(request);
            }
            if (!offerUp.get()) {
                return Response.status(503);
            }
            if (request.path().equals("/internal/points/earn")) {
                boolean first = firstTimeAcks
                                .computeIfAbsent(key(request), k -> new AtomicInteger())
                                .incrementAndGet()
                        == 1;
                return first ? Response.of(201, "{\"duplicate\":false}") : Response.of(200, "{\"duplicate\":true}");
            }
            return Response.status(204);
        });
        String event = createEvent(openEvent("store-1", 10, false, 40));
        List<String> members = IntStream.range(0, 3)
                .mapToObj(i -> "member-" + UUID.randomUUID())
                .toList();

        for (String member : members) {
            rsvpAndScan(event, member);
        }
        awaitCheckIns(
                event,
                checkIn -> checkIn.pointsAward().attempts() > 0
                        && checkIn.pointsAward().lastError() != null);
        assertThat(checkIns(event)).hasSize(3).allSatisfy(checkIn -> {
            assertThat(checkIn.pointsAward().state()).isEqualTo(OutboxEntry.State.PENDING);
            assertThat(checkIn.pointsAward().attempts()).isPositive();
            assertThat(checkIn.pointsAward().lastError()).containsAnyOf("503", "circuit open");
        });
        assertThat(earnRequests(event)).as("offer-service was tried while down").isNotEmpty();

        offerUp.set(true);
        awaitCheckIns(
                event,
                checkIn -> checkIn.pointsAward().state() == OutboxEntry.State.DONE
                        && checkIn.factPush().state() == OutboxEntry.State.DONE);

        for (String member : members) {
            String key = "checkin:" + event + ":" + member;
            assertThat(firstTimeAcks.get(key)).as("acknowledged once: " + key).hasValue(1);
        }
        assertThat(earnRequests(event)).allSatisfy(body -> assertThat(body)
                .contains("\"activity\":\"CHECK_IN\"")
                .contains("\"points\":40")
                .contains("\"brandId\":\"brand-1\""));
        assertThat(downstream.requests("/internal/facts"))
                .filteredOn(request -> request.body().contains("attended-event:" + event))
                .extracting(StubServer.Request::authorization)
                .contains("Bearer stub-service-token");

        int sent = earnRequests(event).size();
        Thread.sleep(1000);
        assertThat(earnRequests(event)).as("the relay stops once acknowledged").hasSize(sent);
    }

    @Test
    void awardRefusedByOfferServiceIsMarkedFailedAndNotRetried() throws Exception {
        downstream.respond(request -> request.path().equals("/internal/points/earn")
                ? Response.of(409, "{\"type\":\"urn:quanzi:problem:conflict\"}")
                : HEALTHY.apply(request));
        String event = createEvent(openEvent("store-1", 10, false, 15));
        rsvpAndScan(event, "member-" + UUID.randomUUID());

        awaitCheckIns(event, checkIn -> checkIn.pointsAward().state() == OutboxEntry.State.FAILED);
        Thread.sleep(800);

        assertThat(earnRequests(event)).hasSize(1);
        assertThat(checkIns(event).get(0).pointsAward().lastError()).contains("409");
    }

    @Test
    void onlyTheFirstAttendanceAtTheBrandTellsMemberService() throws Exception {
        String member = "member-" + UUID.randomUUID();
        String first = createEvent(openEvent("store-1", 10, false, 0));
        String second = createEvent(openEvent("store-2", 10, false, 0));

        rsvpAndScan(first, member);
        awaitCheckIns(first, checkIn -> checkIn.referralMilestone().state() == OutboxEntry.State.DONE);
        rsvpAndScan(second, member, "store-2");
        awaitCheckIns(second, checkIn -> checkIn.referralMilestone().state() == OutboxEntry.State.SKIPPED);

        assertThat(downstream.requests("/internal/referrals/milestones"))
                .filteredOn(request -> request.body().contains(member))
                .singleElement()
                .satisfies(request -> assertThat(request.body())
                        .contains("\"idempotencyKey\":\"first-checkin:brand-1:" + member + "\"")
                        .contains("\"milestone\":\"FIRST_CHECK_IN\""));
        assertThat(checkIns(first).get(0).pointsAward().state())
                .as("an event without attend points awards none")
                .isEqualTo(OutboxEntry.State.SKIPPED);
    }

    private void rsvpAndScan(String event, String member) {
        rsvpAndScan(event, member, "store-1");
    }

    private void rsvpAndScan(String event, String member, String store) {
        rsvpAs(member, event).expectStatus().isOk();
        String token = checkInToken(event, member);
        web.mutateWith(staff("staff", store))
                .post()
                .uri("/api/checkins")
                .bodyValue(Map.of("token", token))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private List<CheckIn> checkIns(String event) {
        return mongo.find(Query.query(Criteria.where("eventId").is(event)), CheckIn.class)
                .collectList()
                .block();
    }

    private void awaitCheckIns(String event, Predicate<CheckIn> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            List<CheckIn> found = checkIns(event);
            if (!found.isEmpty() && found.stream().allMatch(condition)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Not delivered in time: " + checkIns(event));
    }

    private List<String> earnRequests(String event) {
        return downstream.requests("/internal/points/earn").stream()
                .map(StubServer.Request::body)
                .filter(body -> body.contains("checkin:" + event + ":"))
                .toList();
    }

    private static String key(StubServer.Request request) {
        Matcher matcher = KEY.matcher(request.body());
        return matcher.find() ? matcher.group(1) : "";
    }
}
