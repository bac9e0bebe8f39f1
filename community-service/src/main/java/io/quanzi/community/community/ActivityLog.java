package io.quanzi.community.community;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The activity log: one small document per join, leave and interaction, written as it happens,
 * so engagement time series are a single {@code $match/$group} away instead of a scan of posts,
 * comments, likes and shares.
 */
@Component
public class ActivityLog {

    private static final Logger log = LoggerFactory.getLogger(ActivityLog.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    ActivityLog(ReactiveMongoTemplate mongo, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Records an activity now. A failure is logged, never failing the member's action. */
    public Mono<Void> record(String brandId, String communityId, String memberId, ActivityKind kind, String ref) {
        return record(brandId, communityId, memberId, kind, ref, clock.instant());
    }

    public Mono<Void> record(
            String brandId, String communityId, String memberId, ActivityKind kind, String ref, Instant at) {
        String day = LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
        return mongo.insert(new Activity(null, brandId, communityId, memberId, kind, at, day, ref))
                .then()
                .onErrorResume(failure -> {
                    log.warn("Activity {} of {} in {} not logged: {}", kind, memberId, communityId, failure.toString());
                    return Mono.empty();
                });
    }

    /**
     * Per UTC day, member and kind: how many activities, for days in [{@code from}, {@code to}).
     * {@code communityId} null means all communities of the brand.
     */
    public Flux<MemberDay> memberDays(String brandId, String communityId, LocalDate from, LocalDate to) {
        Criteria criteria =
                scope(brandId, communityId).and("day").gte(from.toString()).lt(to.toString());
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(criteria),
                Aggregation.group("day", "memberId", "kind").count().as("n"),
                Aggregation.sort(org.springframework.data.domain.Sort.by("_id.day")));
        return mongo.aggregate(aggregation, Activity.class, Document.class).map(row -> {
            Document id = row.get("_id", Document.class);
            return new MemberDay(
                    LocalDate.parse(id.getString("day")),
                    id.getString("memberId"),
                    ActivityKind.valueOf(id.getString("kind")),
                    ((Number) row.get("n")).longValue());
        });
    }

    /** How many joins and leaves happened before {@code day}: the member count a series starts from. */
    public Mono<Long> membersBefore(String brandId, String communityId, LocalDate day) {
        Criteria criteria = scope(brandId, communityId)
                .and("day")
                .lt(day.toString())
                .and("kind")
                .in(ActivityKind.JOINED, ActivityKind.LEFT);
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(criteria), Aggregation.group("kind").count().as("n"));
        return mongo.aggregate(aggregation, Activity.class, Document.class)
                .map(row -> (ActivityKind.JOINED.name().equals(row.getString("_id")) ? 1 : -1)
                        * ((Number) row.get("n")).longValue())
                .reduce(0L, Long::sum);
    }

    private static Criteria scope(String brandId, String communityId) {
        Criteria criteria = Criteria.where("brandId").is(brandId);
        return communityId == null ? criteria : criteria.and("communityId").is(communityId);
    }

    /** Activities of one member of one kind on one UTC day. */
    public record MemberDay(LocalDate day, String memberId, ActivityKind kind, long count) {}
}
