package io.quanzi.offer.points;

import java.time.Clock;
import java.time.Instant;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Expiry, first in first out, without updating every batch on every spend.
 *
 * <p>Points are consumed (spent, expired, deducted) oldest batch first. So after total
 * consumption C, the points still alive in the batches that expire by date T are
 * {@code max(0, E(≤T) − C)}, where E(≤T) sums the earning batches expiring by T (reversals remove
 * their earning's batch, same date). Both sums come from the applied entries, so nothing per
 * batch has to be kept in step with the balance. Expiring at "now" is then one EXPIRE entry of
 * {@code max(0, E(≤now) − C)} points.
 *
 * <p>The job computes that from a snapshot taken when every applied entry is settled (the count
 * of APPLIED entries equals the account's {@code applyCount}), and the EXPIRE entry applies only
 * if the account's {@code applyCount} is still the snapshot's: any write in between makes it a
 * harmless rejection and the next run computes again. Its idempotency key is the snapshot's
 * {@code applyCount}, so two instances running the job at once expire once. Batches whose date
 * has passed are then marked {@code expiryDone}: the only way the amount to expire grows again is
 * a new batch reaching its date (refunds come back as new batches, not as negative consumption).
 */
@Component
class PointsExpiry {

    private static final Logger log = LoggerFactory.getLogger(PointsExpiry.class);
    private static final int ACCOUNTS_PER_RUN = 5_000;

    private final ReactiveMongoTemplate mongo;
    private final LedgerSteps steps;
    private final Clock clock;

    PointsExpiry(ReactiveMongoTemplate mongo, LedgerSteps steps, Clock clock) {
        this.mongo = mongo;
        this.steps = steps;
        this.clock = clock;
    }

    /** Points that will have expired by {@code until} unless spent first (display only). */
    Mono<Long> expiringBy(String brandId, String memberId, Instant until) {
        return Mono.zip(batchesBy(brandId, memberId, until), consumption(brandId, memberId))
                .map(sums -> Math.max(0, sums.getT1() - sums.getT2().consumed()));
    }

    @Scheduled(cron = "${quanzi.points.expiry-cron:0 7 * * * *}")
    Mono<Long> scheduledRun() {
        return runOnce().onErrorResume(failure -> {
            log.error("Points expiry run failed; the next run starts over", failure);
            return Mono.just(0L);
        });
    }

    /** Expires every batch past its date; returns how many points expired in this run. */
    Mono<Long> runOnce() {
        Instant now = clock.instant();
        return mongo.find(Query.query(dueBatches(now)).limit(ACCOUNTS_PER_RUN * 4), PointsEntry.class)
                .map(PointsEntry::accountId)
                .distinct()
                .take(ACCOUNTS_PER_RUN)
                .concatMap(accountId -> expireAccount(accountId, now))
                .reduce(0L, Long::sum);
    }

    private Mono<Long> expireAccount(String accountId, Instant now) {
        return steps.account(accountId).flatMap(account -> consumption(account.brandId(), account.memberId())
                .filter(snapshot -> snapshot.appliedEntries() == account.applyCount())
                .flatMap(snapshot -> batchesBy(account.brandId(), account.memberId(), now)
                        .flatMap(due -> {
                            long expiring = due - snapshot.consumed();
                            return expiring <= 0
                                    ? markDone(account, now).thenReturn(0L)
                                    : expire(account, expiring, now);
                        })));
    }

    private Mono<Long> expire(PointsAccount account, long points, Instant now) {
        String key = "expire:" + account.memberId() + ":" + account.applyCount();
        PointsEntry draft = PointsEntry.builder(EntryType.EXPIRE, account.brandId(), account.memberId())
                .key(key, key, Fingerprint.of("expire", account.memberId(), account.brandId(), points))
                .describe(null, "points expired", null, "expiry-job")
                .at(now)
                .consuming(points)
                .expectingApplyCount(account.applyCount())
                .build();
        return steps.record(draft)
                .flatMap(recorded -> steps.drive(recorded.entry()))
                .flatMap(entry -> entry.state() == EntryState.APPLIED
                        ? markDone(account, now).thenReturn(-entry.points())
                        : Mono.just(0L));
    }

    private Mono<Void> markDone(PointsAccount account, Instant now) {
        return mongo.updateMulti(
                        Query.query(Criteria.where("brandId")
                                .is(account.brandId())
                                .and("memberId")
                                .is(account.memberId())
                                .andOperator(dueBatches(now))),
                        new Update().set("expiryDone", true),
                        PointsEntry.class)
                .then();
    }

    private static Criteria dueBatches(Instant now) {
        return Criteria.where("state")
                .is(EntryState.APPLIED.name())
                .and("batchDelta")
                .gt(0)
                .and("batchExpiresAt")
                .lte(now)
                .and("expiryDone")
                .ne(true);
    }

    private Mono<Long> batchesBy(String brandId, String memberId, Instant until) {
        return sum(
                        Criteria.where("brandId")
                                .is(brandId)
                                .and("memberId")
                                .is(memberId)
                                .and("state")
                                .is(EntryState.APPLIED.name())
                                .and("batchExpiresAt")
                                .lte(until),
                        "batchDelta")
                .map(Totals::sum);
    }

    record Consumption(long consumed, long appliedEntries) {}

    private Mono<Consumption> consumption(String brandId, String memberId) {
        return sum(
                        Criteria.where("brandId")
                                .is(brandId)
                                .and("memberId")
                                .is(memberId)
                                .and("state")
                                .is(EntryState.APPLIED.name()),
                        "consumes")
                .map(totals -> new Consumption(totals.sum(), totals.count()));
    }

    private record Totals(long sum, long count) {}

    private Mono<Totals> sum(Criteria criteria, String field) {
        return mongo.aggregate(
                        Aggregation.newAggregation(
                                Aggregation.match(criteria),
                                Aggregation.group().sum(field).as("sum").count().as("count")),
                        PointsEntry.class,
                        Document.class)
                .next()
                .map(totals -> new Totals(
                        ((Number) totals.get("sum")).longValue(), ((Number) totals.get("count")).longValue()))
                .defaultIfEmpty(new Totals(0, 0));
    }
}
