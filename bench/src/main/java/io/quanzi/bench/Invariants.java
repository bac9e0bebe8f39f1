package io.quanzi.bench;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * The invariants, read straight from the services' databases after each round: what the API answered must agree with
 * what is stored, and what is stored must obey the rules (stock, one per member, balances equal their entries).
 */
final class Invariants {

    private final MongoDatabase offer;
    private final MongoDatabase community;

    Invariants(Raw raw) {
        this.offer = raw.database("quanzi-offer");
        this.community = raw.database("quanzi-community");
    }

    /** Lines that broke (empty when all held). */
    record Verdict(List<String> broken, List<String> held) {
        static Verdict of() {
            return new Verdict(new ArrayList<>(), new ArrayList<>());
        }

        void expect(boolean ok, String what) {
            (ok ? held : broken).add(what);
        }
    }

    /**
     * A drop's invariants. Hard ones hold at every moment (never more coupons than stock, never two per member);
     * the settled ones once claims cut off half-way (the gateway's time limit cancels a slow call) are finished or
     * rolled back by the recovery job — the harness waits up to {@code settle} for that.
     */
    Verdict drop(String offerId, int stock, Samples.Figures figures, Duration settle) {
        Verdict verdict = Verdict.of();
        long halfDone = waitFor(
                () -> offer.getCollection("offer_claims")
                        .countDocuments(Filters.and(
                                Filters.eq("offerId", offerId), Filters.in("state", "RESERVED", "PAID", "FAILED"))),
                settle);
        long issued = offer.getCollection("coupons").countDocuments(Filters.eq("offerId", offerId));
        long issuedClaims = offer.getCollection("offer_claims")
                .countDocuments(Filters.and(Filters.eq("offerId", offerId), Filters.eq("state", "ISSUED")));
        long created = figures.statuses().getOrDefault(201, 0);
        long failed = figures.statuses().entrySet().stream()
                .filter(e -> e.getKey() < 0 || e.getKey() >= 500)
                .mapToLong(java.util.Map.Entry::getValue)
                .sum();
        long remaining = sum(offer, "offer_stock_buckets", Filters.eq("offerId", offerId), "remaining");
        long slotCount = sum(offer, "offer_member_slots", Filters.eq("offerId", offerId), "count");
        long twice = offer.getCollection("coupons")
                .aggregate(List.of(
                        Aggregates.match(Filters.eq("offerId", offerId)),
                        Aggregates.group("$memberId", Accumulators.sum("n", 1)),
                        Aggregates.match(Filters.gt("n", 1))))
                .into(new ArrayList<>())
                .size();
        verdict.expect(issued <= stock, "never more coupons than stock (" + issued + " of " + stock + ")");
        verdict.expect(twice == 0, "no member holds two coupons (" + twice + " do)");
        verdict.expect(halfDone == 0, "no claim left half-done after recovery (" + halfDone + ")");
        verdict.expect(remaining + issued == stock, "stock left + issued = total (" + remaining + " + " + issued + ")");
        verdict.expect(slotCount == issued, "member slots taken = coupons (" + slotCount + ")");
        verdict.expect(issuedClaims == issued, "one ISSUED claim per coupon (" + issuedClaims + ")");
        verdict.expect(created <= issued, "every 201 answer has its coupon (" + created + ")");
        if (failed == 0) {
            verdict.expect(issued == stock, "with every claim answered, the whole stock is issued (" + issued + ")");
        } else {
            verdict.held()
                    .add("not an invariant, a shortfall: " + failed + " claims answered 5xx or not at all, " + issued
                            + " of " + stock + " issued");
        }
        return verdict;
    }

    private static long waitFor(java.util.function.LongSupplier count, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        long value = count.getAsLong();
        while (value != 0 && System.nanoTime() < deadline) {
            sleep(1000);
            value = count.getAsLong();
        }
        return value;
    }

    /** No check-in of the event was recorded in the last second: the late ones have landed. */
    private boolean settled(String eventId, int counted) {
        sleep(1000);
        return community.getCollection("checkins").countDocuments(Filters.eq("eventId", eventId)) == counted;
    }

    /** Time from each check-in's record to its attendance points applied, and how many arrived. */
    record PointsLag(
            int expected, int arrived, double p50Seconds, double p95Seconds, double maxSeconds, long applied) {}

    PointsLag checkInPoints(String eventId, Duration limit) {
        Pattern keys = Pattern.compile("^checkin:" + Pattern.quote(eventId) + ":");
        long deadline = System.nanoTime() + limit.toNanos();
        int expected;
        List<Document> entries;
        do {
            // Counted again on every pass: when the gateway gave up on a scan that was still queued in
            // community-service (its 503), that check-in may still be recorded after the last answer.
            expected = (int) community.getCollection("checkins").countDocuments(Filters.eq("eventId", eventId));
            entries = offer.getCollection("points_entries")
                    .find(Filters.and(Filters.regex("clientKey", keys), Filters.eq("state", "APPLIED")))
                    .into(new ArrayList<>());
            if (entries.size() >= expected && settled(eventId, expected)) {
                break;
            }
            sleep(500);
        } while (System.nanoTime() < deadline);
        Map<String, java.util.Date> recorded = new HashMap<>();
        for (Document checkIn : community.getCollection("checkins").find(Filters.eq("eventId", eventId))) {
            recorded.put(checkIn.getString("memberId"), checkIn.getDate("recordedAt"));
        }
        long[] lags = entries.stream()
                .filter(entry -> recorded.containsKey(entry.getString("memberId")))
                .mapToLong(entry -> (entry.getDate("decidedAt").getTime()
                                - recorded.get(entry.getString("memberId")).getTime())
                        * 1_000_000L)
                .sorted()
                .toArray();
        long all = offer.getCollection("points_entries").countDocuments(Filters.regex("clientKey", keys));
        if (lags.length == 0) {
            return new PointsLag(expected, 0, 0, 0, 0, all);
        }
        Arrays.sort(lags);
        return new PointsLag(
                expected,
                lags.length,
                Samples.percentile(lags, 0.50) / 1000,
                Samples.percentile(lags, 0.95) / 1000,
                lags[lags.length - 1] / 1e9,
                all);
    }

    Verdict checkIns(String eventId, int members, Samples.Figures figures, PointsLag lag) {
        Verdict verdict = Verdict.of();
        long checkIns = community.getCollection("checkins").countDocuments(Filters.eq("eventId", eventId));
        long distinct = community
                .getCollection("checkins")
                .distinct("memberId", Filters.eq("eventId", eventId), String.class)
                .into(new ArrayList<>())
                .size();
        long created = figures.statuses().getOrDefault(201, 0);
        verdict.expect(
                distinct == checkIns,
                "no member checked in twice (" + checkIns + " check-ins, " + distinct + " members)");
        verdict.expect(checkIns >= created && checkIns <= members, "a check-in for every 201 answer (" + created + ")");
        verdict.expect(
                lag.arrived() == checkIns,
                "every check-in's points applied (" + lag.arrived() + " of " + checkIns + ")");
        verdict.expect(lag.applied() == lag.arrived(), "points credited exactly once (" + lag.applied() + " entries)");
        if (created < members) {
            verdict.held()
                    .add("not an invariant, a shortfall: " + (members - created) + " scans not answered 201 "
                            + figures.statuses());
        }
        return verdict;
    }

    Verdict balances(String brandId, Samples.Figures figures, Duration limit) {
        Verdict verdict = Verdict.of();
        settle(() -> offer.getCollection("points_entries")
                        .countDocuments(Filters.and(Filters.eq("brandId", brandId), Filters.eq("state", "PENDING")))
                == 0);
        Map<String, Long> sums = new HashMap<>();
        for (Document row : offer.getCollection("points_entries")
                .aggregate(List.of(
                        Aggregates.match(Filters.and(Filters.eq("brandId", brandId), Filters.eq("state", "APPLIED"))),
                        Aggregates.group("$memberId", Accumulators.sum("points", "$points"))))) {
            sums.put(row.getString("_id"), ((Number) row.get("points")).longValue());
        }
        int accounts = 0;
        int wrong = 0;
        int negative = 0;
        for (Document account : offer.getCollection("points_accounts").find(Filters.eq("brandId", brandId))) {
            accounts++;
            long balance = ((Number) account.get("balance")).longValue();
            if (balance != sums.getOrDefault(account.getString("memberId"), 0L)) {
                wrong++;
            }
            if (balance < 0) {
                negative++;
            }
        }
        long pending = offer.getCollection("points_entries")
                .countDocuments(Filters.and(Filters.eq("brandId", brandId), Filters.eq("state", "PENDING")));
        verdict.expect(
                wrong == 0, "every balance = sum of its applied entries (" + wrong + " of " + accounts + " differ)");
        verdict.expect(pending == 0, "no entry left pending (" + pending + ")");
        if (!figures.statuses().keySet().stream().allMatch(s -> s == 201 || s == 200)) {
            verdict.held()
                    .add("not an invariant, a shortfall: not every earn/reverse answered 201/200 "
                            + figures.statuses());
        }
        verdict.held()
                .add("accounts checked: " + accounts
                        + (negative > 0 ? " (" + negative + " negative after reversals, allowed)" : ""));
        return verdict;
    }

    private static long sum(MongoDatabase db, String collection, org.bson.conversions.Bson filter, String field) {
        long total = 0;
        for (Document doc : db.getCollection(collection).find(filter)) {
            total += ((Number) doc.get(field)).longValue();
        }
        return total;
    }

    private static void settle(java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            sleep(500);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
