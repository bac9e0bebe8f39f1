package io.quanzi.offer.rules;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a validated settings request into the stored document (decimals as plain strings). */
final class RuleSettings {

    private RuleSettings() {}

    static BrandSettings toDocument(String brandId, SettingsRequest request, Instant now, String admin) {
        Map<String, Long> points = new LinkedHashMap<>();
        request.activityPoints().forEach((activity, value) -> points.put(activity.name(), value));
        return new BrandSettings(
                brandId,
                points,
                request.pointsPerCurrencyUnit().stripTrailingZeros().toPlainString(),
                request.currency(),
                request.expiryMonths(),
                request.tierWindowMonths(),
                request.tierGraceDays(),
                request.tiers().stream()
                        .map(tier -> new BrandSettings.StoredTier(
                                tier.name(),
                                tier.threshold(),
                                tier.multiplier().stripTrailingZeros().toPlainString()))
                        .toList(),
                now,
                admin);
    }
}
