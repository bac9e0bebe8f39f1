package io.quanzi.offer.points;

import io.quanzi.offer.rules.PointsRules;
import io.quanzi.offer.rules.TierRule;
import io.quanzi.offer.tier.TierStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * {@code GET /api/points/me}: the member's balance, tier, progress to the next tier and the
 * points that expire soon.
 *
 * @param earnedInWindow tier-qualifying points earned in the last {@code windowMonths} months
 * @param nextTier null at the top of the ladder
 */
record MyPointsResponse(
        String memberId,
        String brandId,
        long balance,
        long lifetimeEarned,
        long earnedInWindow,
        int windowMonths,
        Tier tier,
        NextTier nextTier,
        Expiring expiringSoon) {

    /** The member's tier; {@code downgradeDueAt} is set while in the grace period after a failed review. */
    record Tier(String name, BigDecimal multiplier, Instant since, Instant reviewAt, Instant downgradeDueAt) {}

    record NextTier(String name, long threshold, long pointsNeeded) {}

    /** Points that expire by {@code before} unless spent first. */
    record Expiring(long points, Instant before) {}

    static MyPointsResponse of(
            String memberId,
            String brandId,
            long balance,
            long lifetimeEarned,
            long earnedInWindow,
            PointsRules rules,
            TierStatus status,
            long expiring,
            Instant soon) {
        TierRule current = rules.tier(status.tier());
        NextTier next = rules.nextTier(status.tier())
                .map(tier ->
                        new NextTier(tier.name(), tier.threshold(), Math.max(0, tier.threshold() - earnedInWindow)))
                .orElse(null);
        return new MyPointsResponse(
                memberId,
                brandId,
                balance,
                lifetimeEarned,
                earnedInWindow,
                rules.tierWindowMonths(),
                new Tier(
                        status.tier(),
                        current.multiplier(),
                        status.since(),
                        status.reviewAt(),
                        status.downgradeDueAt()),
                next,
                new Expiring(expiring, soon));
    }
}
