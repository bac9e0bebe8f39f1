package io.quanzi.offer.tier;

import io.quanzi.offer.rules.EarningRules;
import io.quanzi.offer.rules.PointsRules;
import io.quanzi.offer.rules.TierRule;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Members' tiers per brand. Upgrades happen at once when an earning lifts the points earned in the
 * window over a higher threshold; downgrades only through {@link TierReview}, at the review date
 * plus the brand's grace period. Every change is one conditional update on the member's tier
 * document, so concurrent earnings cannot move a tier backwards.
 */
@Component
public class Tiers {

    private final ReactiveMongoTemplate mongo;
    private final EarningRules rules;
    private final Clock clock;

    Tiers(ReactiveMongoTemplate mongo, EarningRules rules, Clock clock) {
        this.mongo = mongo;
        this.rules = rules;
        this.clock = clock;
    }

    /** The member's tier name; the brand's lowest tier when the member has none yet. */
    public Mono<String> currentTier(String brandId, String memberId) {
        return rules.forBrand(brandId).flatMap(brandRules -> currentTier(brandRules, memberId));
    }

    /** The member's tier name under rules already loaded. */
    public Mono<String> currentTier(PointsRules brandRules, String memberId) {
        return snapshot(brandRules, memberId).map(TierSnapshot::tier);
    }

    /** The member's tier record, read once; the lowest tier and no record when the member has none yet. */
    public Mono<TierSnapshot> snapshot(PointsRules brandRules, String memberId) {
        return mongo.findById(MemberTier.idOf(brandRules.brandId(), memberId), MemberTier.class)
                .map(tier -> new TierSnapshot(tier.tier(), tier.downgradeDueAt() != null, true))
                .defaultIfEmpty(new TierSnapshot(brandRules.lowestTier().name(), false, false));
    }

    public Mono<TierStatus> status(String brandId, String memberId) {
        return rules.forBrand(brandId)
                .flatMap(brandRules -> mongo.findById(MemberTier.idOf(brandId, memberId), MemberTier.class)
                        .map(Tiers::toStatus)
                        .defaultIfEmpty(new TierStatus(brandRules.lowestTier().name(), null, null, null, List.of())));
    }

    /**
     * Called after points were earned: moves the member up at once if the window earnings reach a
     * higher tier, and ends a pending downgrade if they qualify for their tier again.
     */
    public Mono<Void> onEarned(String brandId, String memberId, long earnedInWindow) {
        return rules.forBrand(brandId)
                .flatMap(brandRules -> ensure(brandRules, memberId)
                        .then(Mono.defer(() -> upgrade(brandRules, memberId, earnedInWindow)))
                        .then(Mono.defer(() -> keepIfQualified(brandRules, memberId, earnedInWindow))))
                .then();
    }

    /**
     * Whether an earning that leaves the member's window total at most {@code upperBound} could change their tier:
     * true when that bound reaches a higher tier, or when a downgrade is pending (then the exact total decides
     * whether it is cancelled). Makes sure the member has a tier record (the first points at a brand make one).
     */
    public Mono<Boolean> mayChange(PointsRules brandRules, String memberId, long upperBound) {
        return snapshot(brandRules, memberId).flatMap(asRead -> mayChange(brandRules, memberId, upperBound, asRead));
    }

    /**
     * {@link #mayChange(PointsRules, String, long)} judged on the tier as the earning read it (for its multiplier)
     * moments before: no second read. A tier raised since then only makes the answer true more often (the exact path
     * then re-reads); the record is created here only when the read found none, assuming the lowest tier and no
     * pending downgrade: a record made meanwhile by another earning has no downgrade pending (only a review months
     * later sets one), and a tier above the lowest only leaves fewer upgrades to reach.
     */
    public Mono<Boolean> mayChange(PointsRules brandRules, String memberId, long upperBound, TierSnapshot asRead) {
        boolean mayChange = asRead.downgradePending()
                || brandRules.rank(brandRules.tierFor(upperBound).name()) > brandRules.rank(asRead.tier());
        return asRead.stored()
                ? Mono.just(mayChange)
                : ensure(brandRules, memberId).thenReturn(mayChange);
    }

    private Mono<Void> ensure(PointsRules brandRules, String memberId) {
        Instant now = clock.instant();
        String lowest = brandRules.lowestTier().name();
        Update create = new Update()
                .setOnInsert("brandId", brandRules.brandId())
                .setOnInsert("memberId", memberId)
                .setOnInsert("tier", lowest)
                .setOnInsert("since", now)
                .setOnInsert("reviewAt", reviewAfter(brandRules, now))
                .setOnInsert("history", List.of(change(lowest, null, now, "first points at this brand", 0)));
        return mongo.upsert(
                        Query.query(Criteria.where("_id").is(MemberTier.idOf(brandRules.brandId(), memberId))),
                        create,
                        MemberTier.class)
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                .then();
    }

    /**
     * Compare-and-set on the current tier name, retried when a concurrent change won: the history
     * entry names the exact tier the member left.
     */
    private Mono<Void> upgrade(PointsRules brandRules, String memberId, long earnedInWindow) {
        TierRule qualified = brandRules.tierFor(earnedInWindow);
        String id = MemberTier.idOf(brandRules.brandId(), memberId);
        return Mono.defer(() -> mongo.findById(id, MemberTier.class))
                .filter(current -> brandRules.rank(current.tier()) < brandRules.rank(qualified.name()))
                .flatMap(current -> {
                    Instant now = clock.instant();
                    return mongo.updateFirst(
                                    Query.query(Criteria.where("_id")
                                            .is(id)
                                            .and("tier")
                                            .is(current.tier())),
                                    new Update()
                                            .set("tier", qualified.name())
                                            .set("since", now)
                                            .set("reviewAt", reviewAfter(brandRules, now))
                                            .unset("downgradeDueAt")
                                            .push(
                                                    "history",
                                                    change(
                                                            qualified.name(),
                                                            current.tier(),
                                                            now,
                                                            "upgrade",
                                                            earnedInWindow)),
                                    MemberTier.class)
                            .flatMap(result -> result.getModifiedCount() == 1
                                    ? Mono.just(true)
                                    : Mono.error(new ConcurrentTierChange()));
                })
                .retryWhen(Retry.max(5).filter(ConcurrentTierChange.class::isInstance))
                .then();
    }

    private static final class ConcurrentTierChange extends RuntimeException {
        ConcurrentTierChange() {
            super("tier changed concurrently", null, false, false);
        }
    }

    private Mono<Void> keepIfQualified(PointsRules brandRules, String memberId, long earnedInWindow) {
        return mongo.findById(MemberTier.idOf(brandRules.brandId(), memberId), MemberTier.class)
                .filter(tier -> tier.downgradeDueAt() != null
                        && earnedInWindow >= brandRules.tier(tier.tier()).threshold())
                .flatMap(tier -> mongo.updateFirst(
                        Query.query(Criteria.where("_id")
                                .is(tier.id())
                                .and("tier")
                                .is(tier.tier())
                                .and("downgradeDueAt")
                                .is(tier.downgradeDueAt())),
                        new Update().unset("downgradeDueAt"),
                        MemberTier.class))
                .then();
    }

    static Instant reviewAfter(PointsRules brandRules, Instant from) {
        return from.atZone(ZoneOffset.UTC)
                .plusMonths(brandRules.tierWindowMonths())
                .toInstant();
    }

    static Document change(String tier, String previousTier, Instant at, String reason, long earnedInWindow) {
        Document change = new Document("tier", tier)
                .append("at", java.util.Date.from(at))
                .append("reason", reason)
                .append("earnedInWindow", earnedInWindow);
        if (previousTier != null) {
            change.append("previousTier", previousTier);
        }
        return change;
    }

    private static TierStatus toStatus(MemberTier tier) {
        return new TierStatus(
                tier.tier(),
                tier.since(),
                tier.reviewAt(),
                tier.downgradeDueAt(),
                tier.history() == null
                        ? List.of()
                        : tier.history().stream()
                                .map(change -> new TierStatus.TierChange(
                                        change.tier(),
                                        change.previousTier(),
                                        change.at(),
                                        change.reason(),
                                        change.earnedInWindow()))
                                .toList());
    }
}
