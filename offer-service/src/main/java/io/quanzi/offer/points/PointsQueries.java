package io.quanzi.offer.points;

import io.quanzi.offer.rules.EarningRules;
import io.quanzi.offer.rules.PointsRules;
import io.quanzi.offer.tier.TierStatus;
import io.quanzi.offer.tier.Tiers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** What a member reads of their wallet: the summary and the history. */
@Component
class PointsQueries {

    /** "Soon" for expiring points. */
    static final Duration SOON = Duration.ofDays(30);

    private final ReactiveMongoTemplate mongo;
    private final EarningRules rules;
    private final Tiers tiers;
    private final TierQualification qualification;
    private final PointsExpiry expiry;
    private final Clock clock;

    PointsQueries(
            ReactiveMongoTemplate mongo,
            EarningRules rules,
            Tiers tiers,
            TierQualification qualification,
            PointsExpiry expiry,
            Clock clock) {
        this.mongo = mongo;
        this.rules = rules;
        this.tiers = tiers;
        this.qualification = qualification;
        this.expiry = expiry;
        this.clock = clock;
    }

    Mono<MyPointsResponse> summary(String memberId, String brandId) {
        Instant now = clock.instant();
        return rules.forBrand(brandId).flatMap(brandRules -> Mono.zip(
                        mongo.findById(PointsAccount.idOf(brandId, memberId), PointsAccount.class)
                                .map(account -> new long[] {account.balance(), account.lifetimeEarned()})
                                .defaultIfEmpty(new long[] {0, 0}),
                        qualification.earnedSince(brandId, memberId, windowStart(brandRules, now)),
                        tiers.status(brandId, memberId),
                        expiry.expiringBy(brandId, memberId, now.plus(SOON)))
                .map(parts -> MyPointsResponse.of(
                        memberId,
                        brandId,
                        parts.getT1()[0],
                        parts.getT1()[1],
                        parts.getT2(),
                        brandRules,
                        parts.getT3(),
                        parts.getT4(),
                        now.plus(SOON))));
    }

    Mono<TierStatus> tierHistory(String memberId, String brandId) {
        return tiers.status(brandId, memberId);
    }

    /** Applied entries, newest first; {@code cursor} is the last entry id of the previous page. */
    Mono<HistoryPage> history(String memberId, String brandId, String cursor, int limit) {
        Criteria criteria = Criteria.where("brandId")
                .is(brandId)
                .and("memberId")
                .is(memberId)
                .and("state")
                .is(EntryState.APPLIED.name());
        if (cursor != null) {
            criteria = criteria.and("_id").lt(new ObjectId(cursor));
        }
        return mongo.find(
                        Query.query(criteria)
                                .with(Sort.by(Sort.Direction.DESC, "_id"))
                                .limit(limit + 1),
                        PointsEntry.class)
                .collectList()
                .map(entries -> {
                    List<PointsEntry> page = entries.size() > limit ? entries.subList(0, limit) : entries;
                    String next =
                            entries.size() > limit ? page.get(page.size() - 1).id() : null;
                    return new HistoryPage(
                            page.stream().map(HistoryPage.Item::of).toList(), next);
                });
    }

    static Instant windowStart(PointsRules brandRules, Instant now) {
        return now.atZone(ZoneOffset.UTC)
                .minusMonths(brandRules.tierWindowMonths())
                .toInstant();
    }
}
