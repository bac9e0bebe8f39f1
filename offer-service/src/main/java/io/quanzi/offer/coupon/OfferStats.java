package io.quanzi.offer.coupon;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Claims (coupons issued) and redemptions of one offer per day, ISO week or month of a time zone
 * the caller names (offer-service does not know brands' zones; the admin app passes the brand's),
 * with totals and redemptions per store. Counted from the coupons and the redemption audit records.
 */
@Service
class OfferStats {

    /** Periods of a report. */
    enum Granularity {
        DAY,
        WEEK,
        MONTH
    }

    /**
     * One offer's report.
     *
     * @param buckets every period from {@code from} to {@code to}, empty ones with zeros; {@code start} is
     *     the period's first day (a Monday for weeks, the 1st for months)
     */
    record Report(
            String offerId,
            String brandId,
            String timezone,
            LocalDate from,
            LocalDate to,
            Granularity granularity,
            long claims,
            long redemptions,
            List<Bucket> buckets,
            List<StoreRedemptions> stores) {}

    record Bucket(LocalDate start, long claims, long redemptions) {}

    record StoreRedemptions(String storeId, long redemptions) {}

    private final ReactiveMongoTemplate mongo;

    OfferStats(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Report> report(String offerId, String brandId, ZoneId zone, LocalDate from, LocalDate to, Granularity unit) {
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Query issued = Query.query(
                Criteria.where("offerId").is(offerId).and("issuedAt").gte(start).lt(end));
        issued.fields().include("issuedAt");
        Query redeemed = Query.query(Criteria.where("offerId")
                .is(offerId)
                .and("redeemedAt")
                .gte(start)
                .lt(end));
        redeemed.fields().include("redeemedAt").include("storeId");
        return Mono.zip(
                        mongo.find(issued, Coupon.class).map(Coupon::issuedAt).collectList(),
                        mongo.find(redeemed, Redemption.class).collectList())
                .map(found -> {
                    Map<LocalDate, long[]> counts = new LinkedHashMap<>();
                    for (LocalDate period = periodStart(from, unit); !period.isAfter(to); period = next(period, unit)) {
                        counts.put(period, new long[2]);
                    }
                    for (Instant at : found.getT1()) {
                        counts.get(periodStart(at.atZone(zone).toLocalDate(), unit))[0]++;
                    }
                    Map<String, Long> perStore = new TreeMap<>();
                    for (Redemption redemption : found.getT2()) {
                        counts.get(periodStart(
                                redemption.redeemedAt().atZone(zone).toLocalDate(), unit))[1]++;
                        String store = redemption.storeId() == null ? "" : redemption.storeId();
                        perStore.merge(store, 1L, Long::sum);
                    }
                    List<Bucket> buckets = new ArrayList<>();
                    counts.forEach((period, n) -> buckets.add(new Bucket(period, n[0], n[1])));
                    List<StoreRedemptions> stores = perStore.entrySet().stream()
                            .map(e -> new StoreRedemptions(e.getKey(), e.getValue()))
                            .sorted(Comparator.comparingLong(StoreRedemptions::redemptions)
                                    .reversed()
                                    .thenComparing(StoreRedemptions::storeId))
                            .toList();
                    return new Report(
                            offerId,
                            brandId,
                            zone.getId(),
                            from,
                            to,
                            unit,
                            found.getT1().size(),
                            found.getT2().size(),
                            buckets,
                            stores);
                });
    }

    static LocalDate periodStart(LocalDate day, Granularity unit) {
        return switch (unit) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static LocalDate next(LocalDate period, Granularity unit) {
        return switch (unit) {
            case DAY -> period.plusDays(1);
            case WEEK -> period.plusWeeks(1);
            case MONTH -> period.plusMonths(1);
        };
    }
}
