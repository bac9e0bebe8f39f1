package io.quanzi.community.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.community.CommunityApi;
import io.quanzi.community.Tokens;
import io.quanzi.community.community.ActivityKind;
import io.quanzi.community.community.ActivityLog;
import io.quanzi.platform.test.EmbeddedMongo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import tools.jackson.databind.JsonNode;

@SpringBootTest(properties = "quanzi.community.health.lively-min-active-share=0.02")
@AutoConfigureWebTestClient
class EngagementAnalyticsTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ActivityLog activity;

    @Autowired
    ReactiveMongoTemplate mongo;

    CommunityApi api;
    String brand;
    String admin;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "analytics-test");
    }

    @BeforeEach
    void setUp() {
        api = new CommunityApi(web);
        brand = "brand-" + UUID.randomUUID().toString().substring(0, 8);
        admin = "admin-" + UUID.randomUUID();
    }

    @Test
    void seededScenarioGivesTheExpectedSeriesRetentionAndHealthLabels() {
        String lively = community(100);
        String seeding = community(10);
        String declining = community(40);
        log(lively, "m1", ActivityKind.JOINED, "2026-09-05");
        log(lively, "m2", ActivityKind.JOINED, "2026-09-05");
        log(lively, "m3", ActivityKind.JOINED, "2026-09-05");
        log(lively, "m1", ActivityKind.POSTED, "2026-09-10");
        log(lively, "m2", ActivityKind.LIKED, "2026-09-12");
        log(lively, "m2", ActivityKind.LIKED, "2026-09-12");
        log(lively, "m4", ActivityKind.JOINED, "2026-10-03");
        log(lively, "m3", ActivityKind.LEFT, "2026-10-04");
        log(lively, "m1", ActivityKind.POSTED, "2026-10-05");
        log(lively, "m4", ActivityKind.COMMENTED, "2026-10-06");
        log(lively, "m4", ActivityKind.COMMENTED, "2026-10-06");
        log(lively, "m2", ActivityKind.SHARED, "2026-10-20");
        log(declining, "c1", ActivityKind.POSTED, "2026-09-15");
        log(declining, "c2", ActivityKind.POSTED, "2026-09-15");
        log(declining, "c3", ActivityKind.LIKED, "2026-09-16");
        log(declining, "c1", ActivityKind.POSTED, "2026-10-15");

        JsonNode community = report("/api/communities/analytics/communities/" + lively, "MONTH");

        assertThat(points(community, "members")).containsExactly(3.0, 3.0);
        assertThat(points(community, "joins")).containsExactly(3.0, 1.0);
        assertThat(points(community, "activeMembers")).containsExactly(2.0, 3.0);
        assertThat(points(community, "interactions")).containsExactly(3.0, 4.0);
        assertThat(points(community, "interactionsPerActiveMember")).containsExactly(1.5, 1.33);
        assertThat(points(community, "posts")).containsExactly(1.0, 1.0);
        assertThat(points(community, "comments")).containsExactly(0.0, 2.0);
        assertThat(points(community, "likes")).containsExactly(2.0, 0.0);
        assertThat(points(community, "shares")).containsExactly(0.0, 1.0);
        assertThat(times(community, "members")).containsExactly("2026-09-01", "2026-10-01");
        JsonNode retention = community.get("retention");
        assertThat(retention).hasSize(1);
        assertThat(retention.get(0).get("month").asString()).isEqualTo("2026-09");
        assertThat(retention.get(0).get("active").asLong()).isEqualTo(2);
        assertThat(retention.get(0).get("retainedNextMonth").asLong()).isEqualTo(2);
        assertThat(community.get("communities").get(0).get("health").asString()).isEqualTo("LIVELY");

        JsonNode brandReport = report("/api/communities/analytics/brands/" + brand, "MONTH");

        assertThat(points(brandReport, "activeMembers")).containsExactly(5.0, 4.0);
        assertThat(health(brandReport, lively)).isEqualTo("LIVELY");
        assertThat(health(brandReport, seeding)).isEqualTo("SEEDING");
        assertThat(health(brandReport, declining)).isEqualTo("DECLINING");
        JsonNode decliningRow = row(brandReport, declining);
        assertThat(decliningRow.get("activeLastWindow").asLong()).isEqualTo(1);
        assertThat(decliningRow.get("activePreviousWindow").asLong()).isEqualTo(3);

        JsonNode weekly = report("/api/communities/analytics/communities/" + lively, "WEEK");
        assertThat(times(weekly, "joins")).startsWith("2026-08-31", "2026-09-07");
        assertThat(total(weekly, "joins")).isEqualTo(4.0);
    }

    @Test
    void spreadConversionDepthAndKolRankingComeFromSharesVisitsAndJoins() {
        String id = community(0);
        String kol = "kol-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        String carol = "carol-" + UUID.randomUUID();
        api.joined(kol, id);
        String postId = api.posted(kol, id, "Run with us");
        String first = shareCode(kol, postId);
        visit(bob, first);
        api.joined(bob, id);
        String second = shareCode(bob, postId);
        visit(carol, second);
        api.joined(carol, id);

        JsonNode report = api.json(
                brandAnalytics(Tokens.brandAdmin(admin, brand)).expectStatus().isOk());

        JsonNode spread = report.get("spread");
        assertThat(spread.get("shares").asLong()).isEqualTo(2);
        assertThat(spread.get("visits").asLong()).isEqualTo(2);
        assertThat(spread.get("joins").asLong()).isEqualTo(2);
        assertThat(spread.get("visitToJoinRate").asDouble()).isEqualTo(1.0);
        assertThat(spread.get("maxDepth").asInt()).isEqualTo(2);
        assertThat(spread.get("byDepth").get(1).get("joins").asLong()).isEqualTo(1);
        assertThat(report.get("kols").findValuesAsString("memberId")).containsExactlyInAnyOrder(kol, bob);
        assertThat(total(report, "joins")).isEqualTo(3.0);
        assertThat(peak(report, "activeMembers"))
                .as("the kol posted and shared, bob shared")
                .isEqualTo(2.0);
    }

    @Test
    void attendancesCountAsActivityFeedEventConversionAndRankKols() {
        String id = community(0);
        String kol = "kol-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        api.joined(kol, id);
        String postId = api.posted(kol, id, "Tasting night on Friday");
        visit(bob, shareCode(kol, postId));
        api.joined(bob, id);
        String event = "ev-" + UUID.randomUUID();
        Instant now = Instant.now();
        insert(
                "events",
                new org.bson.Document("_id", event)
                        .append("brandId", brand)
                        .append("title", "Tasting night")
                        .append("startsAt", java.util.Date.from(now)));
        insert(
                "event_rsvps",
                new org.bson.Document("eventId", event)
                        .append("memberId", bob)
                        .append("status", "CONFIRMED")
                        .append("walkIn", false));
        insert(
                "event_rsvps",
                new org.bson.Document("eventId", event)
                        .append("memberId", "carol")
                        .append("status", "CONFIRMED")
                        .append("walkIn", false));
        insert(
                "checkins",
                new org.bson.Document("eventId", event)
                        .append("memberId", bob)
                        .append("brandId", brand)
                        .append("communityId", id)
                        .append("checkedInAt", java.util.Date.from(now)));

        JsonNode report = api.json(
                brandAnalytics(Tokens.brandAdmin(admin, brand)).expectStatus().isOk());

        JsonNode conversion = report.get("events").get(0);
        assertThat(conversion.get("eventId").asString()).isEqualTo(event);
        assertThat(conversion.get("rsvps").asLong()).isEqualTo(2);
        assertThat(conversion.get("checkIns").asLong()).isEqualTo(1);
        assertThat(conversion.get("checkInRate").asDouble()).isEqualTo(0.5);
        assertThat(total(report, "attendances")).isEqualTo(1.0);
        assertThat(peak(report, "activeMembers"))
                .as("the kol posted and shared; bob only attended")
                .isEqualTo(2.0);
        JsonNode top = report.get("kols").get(0);
        assertThat(top.get("memberId").asString()).isEqualTo(kol);
        assertThat(top.get("joins").asLong()).isEqualTo(1);
        assertThat(top.get("attendances").asLong()).isEqualTo(1);
    }

    @Test
    void membersAndAdminsOfOtherBrandsCannotReadAnalytics() {
        String id = community(0);

        brandAnalytics(Tokens.member("alice"))
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        brandAnalytics(Tokens.brandAdmin("otto", "other-brand")).expectStatus().isForbidden();
        communityAnalytics(Tokens.brandAdmin("otto", "other-brand"), id)
                .expectStatus()
                .isForbidden();
        communityAnalytics(Tokens.brandAdmin(admin, brand), id).expectStatus().isOk();
    }

    @Test
    void malformedRangesAreRejected() {
        for (String query : List.of(
                "from=yesterday&to=2026-10-01",
                "from=2026-10-02&to=2026-10-01",
                "from=2024-01-01&to=2026-10-01",
                "granularity=HOUR",
                "to=%2B999999999-12-31",
                "from=-999999999-01-01&to=2026-10-01",
                "granularity={\"$ne\":\"DAY\"}")) {
            web.mutateWith(Tokens.brandAdmin(admin, brand))
                    .get()
                    .uri(builder -> builder.path("/api/communities/analytics/brands/" + brand)
                            .query(query.replace("{", "%7B").replace("}", "%7D").replace("\"", "%22"))
                            .build())
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private void insert(String collection, org.bson.Document document) {
        mongo.getCollection(collection)
                .flatMap(c -> reactor.core.publisher.Mono.from(c.insertOne(document)))
                .block();
    }

    private String community(int members) {
        String id = api.createCommunity(admin, brand, "CLUB", "OPEN", null);
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(new ObjectId(id))),
                        new Update().set("memberCount", (long) members),
                        "communities")
                .block();
        return id;
    }

    private void log(String communityId, String member, ActivityKind kind, String day) {
        activity.record(brand, communityId, member, kind, null, Instant.parse(day + "T12:00:00Z"))
                .block();
    }

    private JsonNode report(String path, String granularity) {
        return api.json(web.mutateWith(Tokens.brandAdmin(admin, brand))
                .get()
                .uri(path + "?from=2026-09-01&to=2026-10-31&granularity=" + granularity)
                .exchange()
                .expectStatus()
                .isOk());
    }

    private String shareCode(String member, String postId) {
        return api.json(web.mutateWith(Tokens.member(member))
                        .post()
                        .uri("/api/communities/posts/{p}/shares", postId)
                        .exchange()
                        .expectStatus()
                        .isCreated())
                .get("code")
                .asString();
    }

    private void visit(String member, String code) {
        web.mutateWith(Tokens.member(member))
                .get()
                .uri("/api/communities/shares/{c}", code)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec brandAnalytics(WebTestClientConfigurer who) {
        return web.mutateWith(who)
                .get()
                .uri("/api/communities/analytics/brands/{b}", brand)
                .exchange();
    }

    private WebTestClient.ResponseSpec communityAnalytics(WebTestClientConfigurer who, String communityId) {
        return web.mutateWith(who)
                .get()
                .uri("/api/communities/analytics/communities/{c}", communityId)
                .exchange();
    }

    private static double total(JsonNode report, String series) {
        return points(report, series).stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double peak(JsonNode report, String series) {
        return points(report, series).stream()
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0);
    }

    private static List<Double> points(JsonNode report, String series) {
        List<Double> values = new ArrayList<>();
        seriesNamed(report, series)
                .get("points")
                .forEach(point -> values.add(point.get("v").asDouble()));
        return values;
    }

    private static List<String> times(JsonNode report, String series) {
        List<String> values = new ArrayList<>();
        seriesNamed(report, series)
                .get("points")
                .forEach(point -> values.add(point.get("t").asString()));
        return values;
    }

    private static JsonNode seriesNamed(JsonNode report, String name) {
        for (JsonNode series : report.get("series")) {
            if (series.get("name").asString().equals(name)) {
                return series;
            }
        }
        throw new AssertionError("no series " + name + " in " + report);
    }

    private static String health(JsonNode report, String communityId) {
        return row(report, communityId).get("health").asString();
    }

    private static JsonNode row(JsonNode report, String communityId) {
        for (JsonNode row : report.get("communities")) {
            if (row.get("communityId").asString().equals(communityId)) {
                return row;
            }
        }
        throw new AssertionError("no community " + communityId + " in " + report);
    }
}
