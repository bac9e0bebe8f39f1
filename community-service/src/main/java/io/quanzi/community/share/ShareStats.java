package io.quanzi.community.share;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Spread figures for analytics: shares and visits per chain depth, and the depth of given links. */
@Component
public class ShareStats {

    private final ReactiveMongoTemplate mongo;

    ShareStats(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Shares created in [from, to), counted per chain depth. */
    public Mono<Map<Integer, Long>> sharesByDepth(String brandId, String communityId, Instant from, Instant to) {
        return byDepth(Share.class, "createdAt", brandId, communityId, from, to);
    }

    /** First visits made in [from, to), counted per chain depth of the link followed. */
    public Mono<Map<Integer, Long>> visitsByDepth(String brandId, String communityId, Instant from, Instant to) {
        return byDepth(ShareVisit.class, "visitedAt", brandId, communityId, from, to);
    }

    /** The chain depth of each of these share codes. */
    public Mono<Map<String, Integer>> depthOf(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Mono.just(Map.of());
        }
        return mongo.find(Query.query(Criteria.where("code").in(codes)), Share.class)
                .collectMap(Share::code, Share::depth);
    }

    private Mono<Map<Integer, Long>> byDepth(
            Class<?> type, String timeField, String brandId, String communityId, Instant from, Instant to) {
        Criteria criteria =
                Criteria.where("brandId").is(brandId).and(timeField).gte(from).lt(to);
        if (communityId != null) {
            criteria = criteria.and("communityId").is(communityId);
        }
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(criteria), Aggregation.group("depth").count().as("n"));
        return mongo.aggregate(aggregation, type, Document.class)
                .collectMap(row -> ((Number) row.get("_id")).intValue(), row -> ((Number) row.get("n")).longValue());
    }
}
