package io.quanzi.offer.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A brand's effective earning rules: its own settings, or the defaults for a brand that has none.
 *
 * @param tiers the ladder, lowest first; the first threshold is 0
 */
public record PointsRules(
        String brandId,
        boolean custom,
        Map<Activity, Long> activityPoints,
        BigDecimal pointsPerCurrencyUnit,
        String currency,
        int expiryMonths,
        int tierWindowMonths,
        int tierGraceDays,
        List<TierRule> tiers) {

    public PointsRules {
        activityPoints = Map.copyOf(activityPoints);
        tiers = List.copyOf(tiers);
    }

    public long pointsFor(Activity activity) {
        return activityPoints.getOrDefault(activity, 0L);
    }

    public TierRule lowestTier() {
        return tiers.get(0);
    }

    /** The highest tier whose threshold the given window earnings reach. */
    public TierRule tierFor(long earnedInWindow) {
        TierRule reached = tiers.get(0);
        for (TierRule tier : tiers) {
            if (earnedInWindow >= tier.threshold()) {
                reached = tier;
            }
        }
        return reached;
    }

    /** Position of a tier in the ladder (0 = lowest); a tier no longer in the ladder ranks lowest. */
    public int rank(String tierName) {
        for (int i = 0; i < tiers.size(); i++) {
            if (tiers.get(i).name().equals(tierName)) {
                return i;
            }
        }
        return 0;
    }

    public TierRule tier(String tierName) {
        return tiers.get(rank(tierName));
    }

    public Optional<TierRule> nextTier(String tierName) {
        int rank = rank(tierName);
        return rank + 1 < tiers.size() ? Optional.of(tiers.get(rank + 1)) : Optional.empty();
    }
}
