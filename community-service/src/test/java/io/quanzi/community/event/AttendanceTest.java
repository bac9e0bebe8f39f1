package io.quanzi.community.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.platform.test.EmbeddedMongo;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.test.StepVerifier;

@SpringBootTest
class AttendanceTest {

    @Autowired
    Attendance attendance;

    @Autowired
    ReactiveMongoTemplate mongo;

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        EmbeddedMongo.register(registry, "attendance-test");
    }

    @Test
    void attendancesListTheBrandsCheckInsInTheIntervalOldestFirst() {
        String brand = "brand-" + UUID.randomUUID();
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        insertCheckIn("e1", "m1", brand, "club-1", t0.plusSeconds(60));
        insertCheckIn("e1", "m2", brand, "club-1", t0.plusSeconds(30));
        insertCheckIn("e2", "m1", brand, null, t0.plusSeconds(7200));
        insertCheckIn("e3", "m1", "other-" + brand, null, t0.plusSeconds(60));

        StepVerifier.create(attendance.attendances(brand, t0, t0.plusSeconds(3600)))
                .expectNext(new AttendanceRecord("m2", "e1", "club-1", t0.plusSeconds(30)))
                .expectNext(new AttendanceRecord("m1", "e1", "club-1", t0.plusSeconds(60)))
                .verifyComplete();
    }

    @Test
    void funnelsCountPlacesHeldAndCheckInsPerEventStartingInTheInterval() {
        String brand = "brand-" + UUID.randomUUID();
        Instant t0 = Instant.parse("2026-04-01T10:00:00Z");
        String event = "ev-" + UUID.randomUUID();
        insert(
                "events",
                new Document("_id", event)
                        .append("brandId", brand)
                        .append("title", "Tasting night")
                        .append("startsAt", java.util.Date.from(t0.plusSeconds(3600))));
        insertRsvp(event, "m1", "CONFIRMED", false);
        insertRsvp(event, "m2", "WAITLISTED", false);
        insertRsvp(event, "m3", "CANCELLED", false);
        insertRsvp(event, "m4", "CONFIRMED", true);
        insertCheckIn(event, "m1", brand, null, t0.plusSeconds(3700));
        insertCheckIn(event, "m4", brand, null, t0.plusSeconds(3800));

        StepVerifier.create(attendance.funnels(brand, t0, t0.plusSeconds(86400)))
                .assertNext(funnel -> {
                    assertThat(funnel).isEqualTo(new EventFunnel(event, "Tasting night", 2, 2));
                })
                .verifyComplete();
        StepVerifier.create(attendance.funnels(brand, t0.plusSeconds(86400), t0.plusSeconds(2 * 86400)))
                .verifyComplete();
    }

    private void insertCheckIn(String eventId, String memberId, String brandId, String communityId, Instant at) {
        insert(
                "checkins",
                new Document("eventId", eventId)
                        .append("memberId", memberId)
                        .append("brandId", brandId)
                        .append("communityId", communityId)
                        .append("checkedInAt", java.util.Date.from(at)));
    }

    private void insertRsvp(String eventId, String memberId, String status, boolean walkIn) {
        insert(
                "event_rsvps",
                new Document("eventId", eventId)
                        .append("memberId", memberId)
                        .append("status", status)
                        .append("walkIn", walkIn));
    }

    private void insert(String collection, Document document) {
        StepVerifier.create(mongo.getCollection(collection)
                        .flatMap(c -> reactor.core.publisher.Mono.from(c.insertOne(document))))
                .expectNextCount(1)
                .verifyComplete();
    }
}
