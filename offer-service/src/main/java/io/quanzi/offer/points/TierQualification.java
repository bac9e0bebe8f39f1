package io.quanzi.offer.points;

import io.quanzi.offer.rules.EarningRules;
import io.quanzi.offer.rules.PointsRules;
import io.quanzi.offer.tier.EarnedInWindow;
import io.quanzi.offer.tier.TierSnapshot;
import io.quanzi.offer.tier.Tiers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tier-qualifying points, summed from the applied ledger entries of the rolling window (earnings
 * for activities and purchases, net of their reversals; spends and expiry do not lower them).
 * Applying an entry raises the account's {@code earnedInWindow} bound by its qualifying points; after an
 * earning the member moves up a tier at once if the window now reaches a higher threshold.
 */
@Component
class TierQualification implements EarnedInWindow {

    private static final Logger log = LoggerFactory.getLogger(TierQualification.class);

    private final ReactiveMongoTemplate mongo;
    private final EarningRules rules;
    private final Tiers tiers;
    private final Clock clock;

    TierQualification(ReactiveMongoTemplate mongo, EarningRules rules, Tiers tiers, Clock clock) {
        this.mongo = mongo;
        this.rules = rules;
        this.tiers = tiers;
        this.clock = clock;
    }

    @Override
    public Mono<Long> earnedSince(String brandId, String memberId, Instant from) {
        return windowSums(brandId, memberId, from).map(WindowSums::applied);
    }

    /**
     * Upgrades the tier if an applied earning may have reached a higher one; never fails the write that triggered it.
     *
     * <p>The exact total is a sum over the member's ledger, which the embedded server can only find by reading every
     * entry of every member. So the account keeps an upper bound instead: the last exact total plus everything applied
     * since, raised by {@link LedgerSteps} in the same atomic update that applies an entry (so exactly once per applied
     * entry; earnings only ever leave the window, never enter it late). When that bound cannot reach a higher tier and
     * no downgrade is pending, the exact sum cannot either and is not computed; otherwise it is, the bound is reset to
     * it, and the tier moves as before. The hourly review and {@code GET /api/points/me} always use the exact sum.
     */
    Mono<Void> afterApplied(PointsEntry entry) {
        return afterApplied(entry, null, null);
    }

    /**
     * {@link #afterApplied(PointsEntry)} with what the write already knows: {@code earnedInWindow}, the account's bound
     * returned by the update that applied the entry (null: read the account), and {@code tierAsRead}, the member's tier
     * as read for the entry's multiplier (null: read it).
     */
    Mono<Void> afterApplied(PointsEntry entry, Long earnedInWindow, TierSnapshot tierAsRead) {
        if (entry.state() != EntryState.APPLIED || entry.qualifying() <= 0) {
            return Mono.empty();
        }
        Mono<Long> bound = earnedInWindow != null
                ? Mono.just(earnedInWindow)
                : mongo.findById(entry.accountId(), PointsAccount.class).map(PointsAccount::earnedInWindow);
        return rules.forBrand(entry.brandId())
                .flatMap(brandRules -> bound.flatMap(upperBound -> tierAsRead != null
                                ? tiers.mayChange(brandRules, entry.memberId(), upperBound, tierAsRead)
                                : tiers.mayChange(brandRules, entry.memberId(), upperBound))
                        .flatMap(mayChange -> mayChange ? exact(entry, brandRules) : Mono.empty()))
                .onErrorResume(failure -> {
                    log.warn("Tier update after entry {} failed; the tier review will catch up", entry.id(), failure);
                    return Mono.empty();
                });
    }

    /**
     * Computes the exact window total, upgrades on it, and resets the account's bound.
     *
     * <p>The bound is raised when an entry is applied, and the entry becomes APPLIED only a step later: an earning
     * applied but not yet settled (in flight, or left PENDING by a crash until the recovery settles it) is already in
     * the bound but not in the exact sum. So the reset keeps pending earnings in (they cannot be refused, so they will
     * be applied), and is made only if no entry was applied to the account between reading it and summing (its apply
     * count unchanged); otherwise the bound stays as it is, higher than the truth, which only costs an exact sum later.
     */
    private Mono<Void> exact(PointsEntry entry, PointsRules brandRules) {
        Instant now = clock.instant();
        Instant from = now.atZone(ZoneOffset.UTC)
                .minusMonths(brandRules.tierWindowMonths())
                .toInstant();
        return mongo.findById(entry.accountId(), PointsAccount.class)
                .flatMap(account -> windowSums(entry.brandId(), entry.memberId(), from)
                        .flatMap(sums -> mongo.updateFirst(
                                        Query.query(Criteria.where("_id")
                                                .is(account.id())
                                                .and("applyCount")
                                                .is(account.applyCount())),
                                        new Update()
                                                .set("earnedInWindow", sums.applied() + sums.pendingEarnings())
                                                .set("windowComputedAt", now),
                                        PointsAccount.class)
                                .then(tiers.onEarned(entry.brandId(), entry.memberId(), sums.applied()))));
    }

    /** Qualifying points of the window: applied, and of earnings recorded but not yet settled. */
    private record WindowSums(long applied, long pendingEarnings) {}

    private Mono<WindowSums> windowSums(String brandId, String memberId, Instant from) {
        return mongo.aggregate(
                        Aggregation.newAggregation(
                                Aggregation.match(Criteria.where("brandId")
                                        .is(brandId)
                                        .and("memberId")
                                        .is(memberId)
                                        .and("qualifyingAt")
                                        .gte(from)
                                        .orOperator(
                                                Criteria.where("state").is(EntryState.APPLIED.name()),
                                                Criteria.where("state")
                                                        .is(EntryState.PENDING.name())
                                                        .and("qualifying")
                                                        .gt(0))),
                                Aggregation.group("state").sum("qualifying").as("total")),
                        PointsEntry.class,
                        Document.class)
                .collectList()
                .map(totals -> {
                    long applied = 0;
                    long pending = 0;
                    for (Document total : totals) {
                        long points = ((Number) total.get("total")).longValue();
                        if (EntryState.APPLIED.name().equals(total.get("_id"))) {
                            applied = points;
                        } else {
                            pending = points;
                        }
                    }
                    return new WindowSums(applied, pending);
                });
    }
}
