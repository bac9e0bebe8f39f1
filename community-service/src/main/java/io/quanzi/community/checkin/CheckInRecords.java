package io.quanzi.community.checkin;

import io.quanzi.community.event.AttendanceRecord;
import io.quanzi.community.event.CheckInLog;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The check-ins as the event feature and analytics read them. */
@Component
class CheckInRecords implements CheckInLog {

    private static final String COLLECTION = "checkins";

    private final ReactiveMongoTemplate mongo;

    CheckInRecords(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Flux<AttendanceRecord> checkIns(String brandId, Instant from, Instant to) {
        Query query = Query.query(Criteria.where(CheckIn.BRAND_ID)
                        .is(brandId)
                        .and(CheckIn.CHECKED_IN_AT)
                        .gte(from)
                        .lt(to))
                .with(Sort.by(CheckIn.CHECKED_IN_AT, "_id"));
        query.fields().include(CheckIn.MEMBER_ID, CheckIn.EVENT_ID, "communityId", CheckIn.CHECKED_IN_AT);
        return mongo.find(query, AttendanceRecord.class, COLLECTION);
    }

    @Override
    public Mono<Long> count(String eventId) {
        return mongo.count(Query.query(Criteria.where(CheckIn.EVENT_ID).is(eventId)), CheckIn.class);
    }

    @Override
    public Mono<Map<String, Instant>> checkInTimesOf(String memberId, Collection<String> eventIds) {
        Query query = Query.query(Criteria.where(CheckIn.EVENT_ID)
                .in(eventIds)
                .and(CheckIn.MEMBER_ID)
                .is(memberId));
        query.fields().include(CheckIn.MEMBER_ID, CheckIn.EVENT_ID, "communityId", CheckIn.CHECKED_IN_AT);
        return mongo.find(query, AttendanceRecord.class, COLLECTION)
                .collect(HashMap::new, (times, checkIn) -> times.put(checkIn.eventId(), checkIn.checkedInAt()));
    }

    @Override
    public Mono<Map<String, Instant>> checkInTimes(String eventId) {
        Query query = Query.query(Criteria.where(CheckIn.EVENT_ID).is(eventId));
        query.fields().include(CheckIn.MEMBER_ID, CheckIn.EVENT_ID, "communityId", CheckIn.CHECKED_IN_AT);
        return mongo.find(query, AttendanceRecord.class, COLLECTION)
                .collect(HashMap::new, (times, checkIn) -> times.put(checkIn.memberId(), checkIn.checkedInAt()));
    }
}
