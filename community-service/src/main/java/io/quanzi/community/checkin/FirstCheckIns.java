package io.quanzi.community.checkin;

import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which check-in is a member's first at a brand (earliest scan time, then id), kept in one document per brand and
 * member so that the referral-milestone delivery reads it by id. Finding it among the check-ins would read every
 * check-in of every member on the embedded server (it has no index for that query) — once per check-in of a rush.
 * Each new check-in takes the marker if it is earlier than the one recorded; the unique id settles races.
 */
@Component
class FirstCheckIns {

    @Document("checkin_firsts")
    record FirstCheckIn(@Id String id, String checkInId, Instant checkedInAt) {}

    private final ReactiveMongoTemplate mongo;

    FirstCheckIns(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String idOf(String brandId, String memberId) {
        return brandId + ":" + memberId;
    }

    /** Records the check-in as the member's first at the brand unless an earlier one is recorded. */
    Mono<Void> offer(CheckIn checkIn) {
        Query later = Query.query(Criteria.where("_id")
                .is(idOf(checkIn.brandId(), checkIn.memberId()))
                .orOperator(
                        Criteria.where("checkedInAt").gt(checkIn.checkedInAt()),
                        Criteria.where("checkedInAt")
                                .is(checkIn.checkedInAt())
                                .and("checkInId")
                                .gt(checkIn.id())));
        Update take = new Update().set("checkInId", checkIn.id()).set("checkedInAt", checkIn.checkedInAt());
        return mongo.upsert(later, take, FirstCheckIn.class)
                // The marker exists and is earlier: the filter missed and the upsert's insert hit the unique id.
                .onErrorResume(DuplicateKeyException.class, earlier -> Mono.empty())
                .then();
    }

    /** The recorded first check-in's id, or empty for check-ins made before markers existed. */
    Mono<String> firstOf(String brandId, String memberId) {
        return mongo.findById(idOf(brandId, memberId), FirstCheckIn.class).map(FirstCheckIn::checkInId);
    }
}
