package io.quanzi.community.admin;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The communities one member belongs to (or applied to, was invited to, left) at a brand: a read
 * over the community and membership collections, for {@link MemberCommunitiesController}.
 */
@Service
class MemberCommunities {

    /** More than a brand runs for one member; the list stops there. */
    static final int LIMIT = 500;

    /**
     * One of the member's memberships.
     *
     * @param status PENDING, INVITED, ACTIVE, REJECTED, LEFT, REMOVED or BANNED
     * @param role LEADER, MODERATOR or MEMBER (null while not a member)
     */
    record MemberCommunity(
            String communityId,
            String name,
            String kind,
            String status,
            String role,
            Instant requestedAt,
            Instant joinedAt) {}

    private final ReactiveMongoTemplate mongo;

    MemberCommunities(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<List<MemberCommunity>> of(String brandId, String memberId) {
        Query query = Query.query(
                        Criteria.where("brandId").is(brandId).and("memberId").is(memberId))
                .with(Sort.by("communityId"))
                .limit(LIMIT);
        return mongo.find(query, Document.class, "community_memberships")
                .collectList()
                .flatMap(rows -> {
                    List<String> ids = rows.stream()
                            .map(row -> row.getString("communityId"))
                            .toList();
                    Query communities = Query.query(Criteria.where("_id").in(ids));
                    communities.fields().include("name").include("kind");
                    return mongo.find(communities, Document.class, "communities")
                            .collectMap(community -> String.valueOf(community.get("_id")), Function.identity())
                            .map(byId -> rows.stream().map(row -> of(row, byId)).collect(Collectors.toList()));
                });
    }

    private static MemberCommunity of(Document row, Map<String, Document> communities) {
        Document community = communities.getOrDefault(row.getString("communityId"), new Document());
        return new MemberCommunity(
                row.getString("communityId"),
                community.getString("name"),
                community.getString("kind"),
                row.getString("status"),
                row.getString("role"),
                instant(row.get("requestedAt")),
                instant(row.get("joinedAt")));
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
