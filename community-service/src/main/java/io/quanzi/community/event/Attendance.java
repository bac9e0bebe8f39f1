package io.quanzi.community.event;

import java.time.Instant;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Read-only attendance figures of a brand for engagement analytics. Intervals are half-open, {@code [from, to)}:
 * attendances by scan time, funnels by event start time.
 */
@Component
public class Attendance {

    private record Titled(String id, String title) {}

    private final ReactiveMongoTemplate mongo;
    private final CheckInLog checkIns;

    Attendance(ReactiveMongoTemplate mongo, CheckInLog checkIns) {
        this.mongo = mongo;
        this.checkIns = checkIns;
    }

    /** Every check-in at the brand's events scanned in the interval, oldest first. */
    public Flux<AttendanceRecord> attendances(String brandId, Instant from, Instant to) {
        return checkIns.checkIns(brandId, from, to);
    }

    /** For each of the brand's events (cancelled ones included) starting in the interval: RSVPs and check-ins. */
    public Flux<EventFunnel> funnels(String brandId, Instant from, Instant to) {
        Query events = Query.query(Criteria.where(Event.BRAND_ID)
                        .is(brandId)
                        .and(Event.STARTS_AT)
                        .gte(from)
                        .lt(to))
                .with(Sort.by(Event.STARTS_AT, "_id"));
        events.fields().include("title");
        return mongo.find(events, Titled.class, "events").concatMap(event -> mongo.count(
                        Query.query(Criteria.where(Rsvp.EVENT_ID)
                                .is(event.id())
                                .and(Rsvp.STATUS)
                                .in(RsvpState.CONFIRMED.name(), RsvpState.WAITLISTED.name())
                                .and(Rsvp.WALK_IN)
                                .is(false)),
                        Rsvp.class)
                .zipWith(checkIns.count(event.id()))
                .map(counts -> new EventFunnel(event.id(), event.title(), counts.getT1(), counts.getT2())));
    }
}
