package io.quanzi.offer.fact;

import io.quanzi.platform.problem.Problem;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Brand member numbers (the number on the member card staff scan) and the members holding them,
 * learnt from member-service's {@code club-member} facts, so a purchase can name the member by
 * number without calling member-service.
 */
@Service
public class MemberNumbers {

    private static final Logger log = LoggerFactory.getLogger(MemberNumbers.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    MemberNumbers(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Records that {@code memberId} holds the number. A repeat changes nothing; the number already
     * held by another member is a 409 (member-service never reuses numbers, so it is a bug there).
     */
    Mono<Void> record(String brandId, long memberNumber, String memberId) {
        Query key = key(brandId, memberNumber);
        Update add = new Update().setOnInsert("memberId", memberId).setOnInsert("recordedAt", clock.instant());
        return mongo.findAndModify(
                        key, add, FindAndModifyOptions.options().upsert(true).returnNew(true), MemberNumber.class)
                // Two pushes racing: the other one inserted it; compare with theirs.
                .onErrorResume(DuplicateKeyException.class, raced -> mongo.findOne(key, MemberNumber.class))
                .flatMap(stored -> {
                    if (stored.memberId().equals(memberId)) {
                        return Mono.<Void>empty();
                    }
                    log.error(
                            "Member number {} of brand {} pushed for member {} but already held by member {};"
                                    + " member-service must never hand out a number twice",
                            memberNumber,
                            brandId,
                            memberId,
                            stored.memberId());
                    return Mono.error(Problem.conflict(
                            "member-number-taken",
                            "Member number " + memberNumber + " of brand '" + brandId
                                    + "' already belongs to another member."));
                });
    }

    /** The member holding the number at the brand; empty when we have not been told of it (yet). */
    public Mono<String> memberIdOf(String brandId, long memberNumber) {
        return mongo.findOne(key(brandId, memberNumber), MemberNumber.class).map(MemberNumber::memberId);
    }

    private static Query key(String brandId, long memberNumber) {
        return Query.query(
                Criteria.where("brandId").is(brandId).and("memberNumber").is(memberNumber));
    }
}
