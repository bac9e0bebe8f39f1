package io.quanzi.offer.fact;

import io.quanzi.platform.web.Ids;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The member facts other services push ({@code club-member}, {@code community:C},
 * {@code core-group:C}, {@code attended-event:E}), per brand. Adding is an upsert on a unique key and
 * removing a delete, so every push is idempotent by nature.
 */
@Service
public class MemberFacts {

    /** Ids of brands, stores, communities and events: platform's one id shape. */
    public static final String ID = Ids.ID;
    /** Keycloak subjects (UUIDs) and other opaque member ids. */
    public static final String MEMBER_ID = "^[A-Za-z0-9_.@:-]{1,128}$";
    /** The fact member-service pushes while a member belongs to the brand's club. */
    static final String CLUB_MEMBER = "club-member";
    /** The fact strings of the cross-service contract. */
    public static final String FACT = "^(club-member|(community|core-group|attended-event):[A-Za-z0-9_-]{1,64})$";

    private final ReactiveMongoTemplate mongo;
    private final MemberNumbers numbers;
    private final Clock clock;

    MemberFacts(ReactiveMongoTemplate mongo, MemberNumbers numbers, Clock clock) {
        this.mongo = mongo;
        this.numbers = numbers;
        this.clock = clock;
    }

    /**
     * Adds or removes the fact. A member number that comes with it is recorded first, so a number
     * held by another member (409) leaves the fact unrecorded too.
     */
    Mono<Void> record(FactRequest request) {
        Query key = key(request.memberId(), request.brandId(), request.fact());
        if (!request.present()) {
            return mongo.remove(key, MemberFact.class).then();
        }
        Mono<Void> number = request.memberNumber() == null
                ? Mono.empty()
                : numbers.record(request.brandId(), request.memberNumber(), request.memberId());
        Update add = new Update().setOnInsert("recordedAt", clock.instant());
        return number.then(Mono.defer(() -> mongo.upsert(key, add, MemberFact.class)))
                .then()
                // Two pushes of the same fact racing: the other one inserted it, which is the goal.
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty());
    }

    /** The facts a member holds at a brand. */
    public Mono<Set<String>> of(String memberId, String brandId) {
        Query query = Query.query(
                Criteria.where("memberId").is(memberId).and("brandId").is(brandId));
        query.fields().include("fact");
        return mongo.find(query, MemberFact.class).map(MemberFact::fact).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the member holds every one of {@code required} at the brand. */
    public Mono<Boolean> holdsAll(String memberId, String brandId, Collection<String> required) {
        if (required == null || required.isEmpty()) {
            return Mono.just(true);
        }
        return of(memberId, brandId).map(facts -> facts.containsAll(required));
    }

    private static Query key(String memberId, String brandId, String fact) {
        return Query.query(Criteria.where("memberId")
                .is(memberId)
                .and("brandId")
                .is(brandId)
                .and("fact")
                .is(fact));
    }
}
