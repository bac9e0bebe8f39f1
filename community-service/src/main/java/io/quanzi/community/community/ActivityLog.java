package io.quanzi.community.community;

import io.quanzi.community.client.MemberClient;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 *
 * <p>Each entry carries its {@code day}: the date in the brand's timezone (member-service's brand registry) when it
 * was recorded. The day is fixed at that moment: if a brand later changes its timezone, days already recorded do
 * not move; only new entries use the new zone. When member-service cannot tell the timezone in time, the entry is
 * recorded on its UTC day (see {@link MemberClient#brandZone}).
 */
@Component
public class ActivityLog {

    private static final Logger log = LoggerFactory.getLogger(ActivityLog.class);

    private final ReactiveMongoTemplate mongo;
    private final MemberClient members;
    private final Clock clock;

    ActivityLog(ReactiveMongoTemplate mongo, MemberClient members, Clock clock) {
        this.mongo = mongo;
        this.members = members;
        this.clock = clock;
    }

    /**
     * Records an activity now. A failure is logged, never failing the member's action, and the wait for the brand's
     * timezone is bounded (UTC after that).
     */
    public Mono<Void> record(String brandId, String communityId, String memberId, ActivityKind kind, String ref) {
        return record(brandId, communityId, memberId, kind, ref, clock.instant());
    }

    /** Records an activity that happened {@code at}, on the brand's local day of that instant. */
    public Mono<Void> record(
            String brandId, String communityId, String memberId, ActivityKind kind, String ref, Instant at) {
        return members.brandZone(brandId)
                .map(zone -> LocalDate.ofInstant(at, zone).toString())
                .flatMap(day -> mongo.insert(new Activity(null, brandId, communityId, memberId, kind, at, day, ref)))
                .then()
                .onErrorResume(failure -> {
                    log.warn("Activity {} of {} in {} not logged: {}", kind, memberId, communityId, failure.toString());
                    return Mono.empty();
                });
    }

    /**
     * Per day (the brand's local day, as recorded), member and kind: how many activities, for days in
     * [{@code from}, {@code to}).
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

    /** Activities of one member of one kind on one of the brand's days. */
    public record MemberDay(LocalDate day, String memberId, ActivityKind kind, long count) {}
}
