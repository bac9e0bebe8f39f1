package io.quanzi.offer.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A brand's effective earning rules.
 *
 * @param custom false while the brand runs on the defaults
 */
record SettingsResponse(
        String brandId,
        boolean custom,
        Map<Activity, Long> activityPoints,
        BigDecimal pointsPerCurrencyUnit,
        String currency,
        int expiryMonths,
        int tierWindowMonths,
        int tierGraceDays,
        List<TierRule> tiers) {

    static SettingsResponse of(PointsRules rules) {
        return new SettingsResponse(
                rules.brandId(),
                rules.custom(),
                rules.activityPoints(),
                rules.pointsPerCurrencyUnit(),
                rules.currency(),
                rules.expiryMonths(),
                rules.tierWindowMonths(),
                rules.tierGraceDays(),
                rules.tiers());
    }
}
