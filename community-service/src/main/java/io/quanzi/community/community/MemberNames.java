package io.quanzi.community.community;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The display names of members who joined, applied, accepted an invitation or followed a share link, taken from their
 * token at that moment (see {@link DisplayNames}), so the brand's moderators see names instead of ids in member
 * lists, join requests and share chains. One document per member, overwritten by the latest name.
 */
@Component
public class MemberNames {

    static final String COLLECTION = "community_member_names";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    MemberNames(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Remembers the member's current display name; nothing when the token carried none. */
    public Mono<Void> remember(String memberId, String name) {
        if (memberId == null || name == null) {
            return Mono.empty();
        }
        return mongo.upsert(
                        Query.query(Criteria.where("_id").is(memberId)),
                        new Update().set("name", name).set("updatedAt", clock.instant()),
                        MemberName.class)
                .then();
    }

    /** The known names of these members (members without one are absent from the map). */
    public Mono<Map<String, String>> of(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("_id").in(memberIds)), MemberName.class)
                .filter(known -> known.name() != null)
                .collectMap(MemberName::id, MemberName::name);
    }

    @Document(COLLECTION)
    record MemberName(@Id String id, String name, java.time.Instant updatedAt) {}
}
