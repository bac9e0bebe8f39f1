package io.quanzi.offer.tier;

import io.quanzi.offer.rules.EarningRules;
import io.quanzi.offer.rules.PointsRules;
import io.quanzi.offer.rules.TierRule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The only way down a tier. At a member's review date (a window after they reached their tier or
 * were last reviewed) the points earned in the window are compared with the tier's threshold:
 * enough, and the next review is a window later; short, and the member keeps the tier through the
 * brand's grace period. At the end of the grace period a member still short moves down to the tier
 * the window earnings reach; one who earned enough meanwhile stays (an earning during the grace
 * period already cancels it, see {@link Tiers#onEarned}). Each change is a conditional update on
 * the tier document as read, so a concurrent upgrade always wins. An earning can still land between
 * the review's sum and its downgrade, and read the tier before the downgrade (so it saw nothing to
 * change): that earning is applied before the downgrade is written, so the review sums the window
 * again after each downgrade and moves the member back up if the fresh sum reaches a higher tier.
 */
@Component
class TierReview {

    private static final Logger log = LoggerFactory.getLogger(TierReview.class);
    private static final int BATCH = 5_000;

    private final ReactiveMongoTemplate mongo;
    private final EarningRules rules;
    private final EarnedInWindow earned;
    private final Tiers tiers;
    private final Clock clock;

    TierReview(ReactiveMongoTemplate mongo, EarningRules rules, EarnedInWindow earned, Tiers tiers, Clock clock) {
        this.mongo = mongo;
        this.rules = rules;
        this.earned = earned;
        this.tiers = tiers;
        this.clock = clock;
    }

    @Scheduled(cron = "${quanzi.points.tier-review-cron:0 17 * * * *}")
    Mono<Long> scheduledRun() {
        return runOnce().onErrorResume(failure -> {
            log.error("Tier review failed; the next run starts over", failure);
            return Mono.just(0L);
        });
    }

    /** Reviews every member whose review or downgrade date has come; returns how many changed. */
    Mono<Long> runOnce() {
        Instant now = clock.instant();
        Query due = Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("downgradeDueAt").lte(now),
                                Criteria.where("reviewAt")
                                        .lte(now)
                                        .and("downgradeDueAt")
                                        .isNull()))
                .limit(BATCH);
        return mongo.find(due, MemberTier.class)
                .concatMap(tier -> rules.forBrand(tier.brandId()).flatMap(brandRules -> earned.earnedSince(
                                tier.brandId(), tier.memberId(), windowStart(brandRules, now))
                        .flatMap(points -> review(tier, brandRules, points, now))))
                .filter(changed -> changed)
                .count();
    }

    /** Reviews one member's tier as read, against {@code points}, the window's sum read just before. */
    Mono<Boolean> review(MemberTier tier, PointsRules brandRules, long points, Instant now) {
        TierRule qualified = brandRules.tierFor(points);
        boolean stillQualifies = brandRules.rank(qualified.name()) >= brandRules.rank(tier.tier());
        Criteria asRead = Criteria.where("_id")
                .is(tier.id())
                .and("tier")
                .is(tier.tier())
                .and("reviewAt")
                .is(tier.reviewAt());
        if (stillQualifies) {
            return update(
                    asRead,
                    new Update()
                            .set("reviewAt", Tiers.reviewAfter(brandRules, now))
                            .unset("downgradeDueAt"));
        }
        if (tier.downgradeDueAt() == null) {
            Instant due = tier.reviewAt().plus(Duration.ofDays(brandRules.tierGraceDays()));
            return update(asRead.and("downgradeDueAt").isNull(), new Update().set("downgradeDueAt", due));
        }
        Mono<Boolean> downgrade = update(
                asRead.and("downgradeDueAt").is(tier.downgradeDueAt()),
                new Update()
                        .set("tier", qualified.name())
                        .set("since", now)
                        .set("reviewAt", Tiers.reviewAfter(brandRules, now))
                        .unset("downgradeDueAt")
                        .push(
                                "history",
                                Tiers.change(
                                        qualified.name(),
                                        tier.tier(),
                                        now,
                                        "downgrade after review and grace period",
                                        points)));
        return downgrade.flatMap(changed -> changed ? upgradeIfEarnedMeanwhile(tier, now) : Mono.just(false));
    }

    private Mono<Boolean> upgradeIfEarnedMeanwhile(MemberTier downgraded, Instant now) {
        return rules.forBrand(downgraded.brandId())
                .flatMap(brandRules ->
                        earned.earnedSince(downgraded.brandId(), downgraded.memberId(), windowStart(brandRules, now)))
                .flatMap(fresh -> tiers.onEarned(downgraded.brandId(), downgraded.memberId(), fresh))
                .thenReturn(true);
    }

    private Mono<Boolean> update(Criteria criteria, Update update) {
        return mongo.updateFirst(Query.query(criteria), update, MemberTier.class)
                .map(result -> result.getModifiedCount() == 1);
    }

    private static Instant windowStart(PointsRules brandRules, Instant now) {
        return now.atZone(ZoneOffset.UTC)
                .minusMonths(brandRules.tierWindowMonths())
                .toInstant();
    }
}
