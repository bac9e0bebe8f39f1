package io.quanzi.offer.rules;

import io.quanzi.offer.system.RecentReads;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each brand's earning rules, kept in offer-service (no call to another service): a brand without
 * settings gets {@link #defaults(String)}.
 */
@Component
public class EarningRules {

    static final List<TierRule> DEFAULT_TIERS = List.of(
            new TierRule("Fan", 0, new BigDecimal("1.0")),
            new TierRule("Core fan", 500, new BigDecimal("1.2")),
            new TierRule("Ambassador", 2000, new BigDecimal("1.5")));

    /**
     * How long a brand's rules are reused before they are read again. Every earning reads them up to three times;
     * a change made here is seen at once (the entry is dropped), one made through another instance within this.
     */
    static final Duration REUSE = Duration.ofSeconds(5);

    private final ReactiveMongoTemplate mongo;
    private final RecentReads<String, PointsRules> recent = new RecentReads<>(REUSE, 10_000);

    EarningRules(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<PointsRules> forBrand(String brandId) {
        return recent.get(brandId, () -> mongo.findById(brandId, BrandSettings.class)
                .map(EarningRules::toRules)
                .defaultIfEmpty(defaults(brandId)));
    }

    Mono<PointsRules> save(BrandSettings settings) {
        return Mono.fromRunnable(() -> recent.forget(settings.brandId()))
                .then(mongo.save(settings))
                .map(EarningRules::toRules)
                .doFinally(done -> recent.forget(settings.brandId()));
    }

    /** Join 20, check-in 50, first post 10, referrer 100, referee 50, 1 point per 1.00, 12 months. */
    public static PointsRules defaults(String brandId) {
        Map<Activity, Long> points = new EnumMap<>(Activity.class);
        points.put(Activity.CLUB_JOIN, 20L);
        points.put(Activity.CHECK_IN, 50L);
        points.put(Activity.FIRST_POST, 10L);
        points.put(Activity.REFERRAL_REFERRER, 100L);
        points.put(Activity.REFERRAL_REFEREE, 50L);
        return new PointsRules(brandId, false, points, BigDecimal.ONE, "CNY", 12, 12, 30, DEFAULT_TIERS);
    }

    static PointsRules toRules(BrandSettings settings) {
        Map<Activity, Long> points = new EnumMap<>(Activity.class);
        settings.activityPoints().forEach((activity, value) -> points.put(Activity.valueOf(activity), value));
        return new PointsRules(
                settings.brandId(),
                true,
                points,
                new BigDecimal(settings.pointsPerCurrencyUnit()),
                settings.currency(),
                settings.expiryMonths(),
                settings.tierWindowMonths(),
                settings.tierGraceDays(),
                settings.tiers().stream()
                        .map(tier -> new TierRule(tier.name(), tier.threshold(), new BigDecimal(tier.multiplier())))
                        .toList());
    }
}
