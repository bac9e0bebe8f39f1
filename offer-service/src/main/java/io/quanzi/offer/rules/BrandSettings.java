package io.quanzi.offer.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A brand's own earning rules as stored; decimals are kept as plain strings. */
@Document("brand_settings")
record BrandSettings(
        @Id String brandId,
        Map<String, Long> activityPoints,
        String pointsPerCurrencyUnit,
        String currency,
        int expiryMonths,
        int tierWindowMonths,
        int tierGraceDays,
        List<StoredTier> tiers,
        Instant updatedAt,
        String updatedBy) {

    record StoredTier(String name, long threshold, String multiplier) {}
}
