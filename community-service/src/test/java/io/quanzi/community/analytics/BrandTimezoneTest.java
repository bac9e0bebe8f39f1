package io.quanzi.community.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.CommunityApi;
import io.quanzi.community.community.ActivityKind;
import io.quanzi.community.community.ActivityLog;
import io.quanzi.community.support.CommunityApiTest;
import io.quanzi.community.support.StubServer.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** A brand's days, weeks and months are those of its own timezone, which member-service holds. */
class BrandTimezoneTest extends CommunityApiTest {

    @Autowired
    ActivityLog activity;

    @Test
    void activityCountsOnTheBrandsLocalDayAndWeek() {
        String brand = brandIn("Asia/Shanghai");
        // Sunday 1 March, 17:30 UTC is Monday 2 March, 01:30 in Shanghai: another day and another ISO week.
        record(brand, Instant.parse("2026-03-01T17:30:00Z"));

        assertThat(recordedDays(brand)).containsExactly("2026-03-02");
        JsonNode daily = report(brand, "from=2026-03-01&to=2026-03-02&granularity=DAY");
        assertThat(daily.get("timezone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(points(daily, "interactions")).containsExactly(0.0, 1.0);
        JsonNode weekly = report(brand, "from=2026-02-23&to=2026-03-08&granularity=WEEK");
        assertThat(times(weekly, "interactions")).containsExactly("2026-02-23", "2026-03-02");
        assertThat(points(weekly, "interactions")).containsExactly(0.0, 1.0);
    }

    @Test
    void checkInsCountOnTheBrandsLocalDayAndTheRangeIsTheBrandsDays() {
        String brand = brandIn("America/New_York");
        checkIn(brand, "2026-03-01T04:30:00Z"); // 23:30 on 28 February in New York: before the range
        checkIn(brand, "2026-03-01T23:30:00Z"); // 18:30 on 1 March
        checkIn(brand, "2026-03-03T04:30:00Z"); // 23:30 on 2 March: the range's last day

        JsonNode report = report(brand, "from=2026-03-01&to=2026-03-02");

        assertThat(report.get("timezone").asString()).isEqualTo("America/New_York");
        assertThat(points(report, "attendances")).containsExactly(1.0, 1.0);
        assertThat(points(report, "activeMembers")).containsExactly(1.0, 1.0);
    }

    @Test
    void defaultRangeEndsTodayInTheBrandsZone() {
        // Between them, the two zones are on another date than UTC at any hour.
        for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago")) {
            JsonNode report = report(brandIn(zone), "");

            LocalDate today = LocalDate.now(ZoneId.of(zone));
            assertThat(report.get("to").asString()).as(zone).isEqualTo(today.toString());
            assertThat(report.get("from").asString())
                    .as(zone)
                    .isEqualTo(today.minusDays(29).toString());
        }
    }

    @Test
    void whenMemberServiceHangsActivityIsRecordedOnItsUtcDayWithoutFailingOrWaitingLong() {
        String brand = brandIn("Asia/Shanghai");
        String community = new CommunityApi(web).createCommunity("admin-" + brand, brand, "CLUB", "OPEN", null);
        downstream.respond(request -> {
            Response answer = HEALTHY.apply(request);
            return request.path().startsWith("/internal/brands/")
                    ? new Response(answer.status(), answer.body(), Duration.ofSeconds(10))
                    : answer;
        });

        Instant started = Instant.now();
        StepVerifier.create(activity.record(
                        brand, community, "m1", ActivityKind.POSTED, null, Instant.parse("2026-03-01T17:30:00Z")))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(Duration.between(started, Instant.now())).isLessThan(Duration.ofSeconds(3));
        new CommunityApi(web).joined("member-" + UUID.randomUUID(), community);

        assertThat(recordedDays(brand))
                .as("the post, then the join")
                .hasSize(2)
                .first()
                .isEqualTo("2026-03-01");
    }

    /** A new brand that member-service places in {@code zone}. */
    private static String brandIn(String zone) {
        String brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        BRAND_ZONES.put(brand, zone);
        return brand;
    }

    private void record(String brand, Instant at) {
        StepVerifier.create(activity.record(brand, "community-1", "m1", ActivityKind.POSTED, null, at))
                .verifyComplete();
    }

    private List<String> recordedDays(String brand) {
        return mongo.find(Query.query(Criteria.where("brandId").is(brand)), Document.class, "community_activity")
                .map(entry -> entry.getString("day"))
                .collectList()
                .block();
    }

    private void checkIn(String brand, String at) {
        Document checkIn = new Document("eventId", "event-" + UUID.randomUUID())
                .append("memberId", "member-" + UUID.randomUUID())
                .append("brandId", brand)
                .append("checkedInAt", Date.from(Instant.parse(at)));
        mongo.getCollection("checkins")
                .flatMap(checkins -> Mono.from(checkins.insertOne(checkIn)))
                .block();
    }

    private JsonNode report(String brand, String query) {
        return web.mutateWith(admin("admin-" + brand, brand))
                .get()
                .uri("/api/communities/analytics/brands/" + brand + "?" + query)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private static List<Double> points(JsonNode report, String series) {
        List<Double> values = new ArrayList<>();
        series(report, series)
                .get("points")
                .forEach(point -> values.add(point.get("v").asDouble()));
        return values;
    }

    private static List<String> times(JsonNode report, String series) {
        List<String> values = new ArrayList<>();
        series(report, series)
                .get("points")
                .forEach(point -> values.add(point.get("t").asString()));
        return values;
    }

    private static JsonNode series(JsonNode report, String name) {
        for (JsonNode series : report.get("series")) {
            if (series.get("name").asString().equals(name)) {
                return series;
            }
        }
        throw new AssertionError("no series " + name + " in " + report);
    }
}
