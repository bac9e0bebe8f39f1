package io.quanzi.offer.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.rules.Activity;
import io.quanzi.offer.support.OfferTestSupport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Many writers on one account, every request sent twice (a client retrying): the invariants hold
 * whatever the interleaving. Durations are logged for information only, never asserted.
 */
class PointsConcurrencyTest extends OfferTestSupport {

    private static final Logger log = LoggerFactory.getLogger(PointsConcurrencyTest.class);

    private static final int ROUNDS = 10;
    private static final int EARNS = 60;
    private static final int SPENDS = 40;
    private static final int CONCURRENCY = 64;

    @Autowired
    PointsLedger ledger;

    /** What one call answered: the entry it got, or the refusal. */
    record Outcome(String key, String entryId, Long balance, String refusal) {}

    @Test
    void concurrentRetriedEarnsAndSpendsKeepBalanceEqualToAppliedEntries() {
        Random random = new Random(42);
        for (int round = 1; round <= ROUNDS; round++) {
            String brand = newId("brand");
            String memberId = newId("member");
            List<Mono<Outcome>> calls = new ArrayList<>();
            for (int i = 0; i < EARNS; i++) {
                String key = "earn-" + i;
                for (int copy = 0; copy < 2; copy++) {
                    calls.add(outcome(
                            key, ledger.earn(memberId, brand, Activity.CHECK_IN, 10L, key, "checkin:" + i, "test")));
                }
            }
            for (int i = 0; i < SPENDS; i++) {
                String key = "spend-" + i;
                for (int copy = 0; copy < 2; copy++) {
                    calls.add(outcome(key, ledger.spend(memberId, brand, 25, key, "reward:" + i)));
                }
            }
            Collections.shuffle(calls, random);

            long started = System.nanoTime();
            List<Outcome> outcomes = Flux.fromIterable(calls)
                    .flatMap(call -> call.subscribeOn(Schedulers.parallel()), CONCURRENCY)
                    .collectList()
                    .block();
            long millis = (System.nanoTime() - started) / 1_000_000;

            PointsAccount account = mongo.findById(PointsAccount.idOf(brand, memberId), PointsAccount.class)
                    .block();
            List<PointsEntry> entries = mongo.find(
                            Query.query(Criteria.where("brandId")
                                    .is(brand)
                                    .and("memberId")
                                    .is(memberId)),
                            PointsEntry.class)
                    .collectList()
                    .block();
            List<PointsEntry> applied = entries.stream()
                    .filter(entry -> entry.state() == EntryState.APPLIED)
                    .toList();

            assertThat(outcomes).hasSize(2 * (EARNS + SPENDS));
            assertThat(entries).as("one entry per idempotency key").hasSize(EARNS + SPENDS);
            assertThat(entries).as("every entry settled").allMatch(entry -> entry.state() != EntryState.PENDING);
            assertThat(account.balance())
                    .as("balance equals the sum of applied entries")
                    .isEqualTo(applied.stream().mapToLong(PointsEntry::points).sum());
            assertThat(account.balance())
                    .as("spends never take the balance below zero")
                    .isNotNegative();
            assertThat(account.decisions().stream().map(PointsAccount.Decision::entryId))
                    .as("each entry decided once by the account")
                    .doesNotHaveDuplicates()
                    .hasSize(entries.size());
            assertThat(account.applyCount()).isEqualTo(applied.size());
            Map<String, List<Outcome>> byKey = outcomes.stream().collect(Collectors.groupingBy(Outcome::key));
            assertThat(byKey.values())
                    .as("a retried request gets the same answer as the first")
                    .allSatisfy(pair -> assertThat(pair.get(0)).isEqualTo(pair.get(1)));
            assertThat(outcomes)
                    .as("spends are applied or refused for want of points, nothing else")
                    .allSatisfy(outcome -> assertThat(outcome.refusal())
                            .isIn(null, "urn:quanzi:problem:" + PointsProblems.INSUFFICIENT_POINTS));
            assertThat(applied.stream().filter(entry -> entry.type() == EntryType.EARN))
                    .hasSize(EARNS);

            log.info(
                    "Concurrency round {}: {} calls ({} keys, each sent twice) at {}-way concurrency in {} ms;"
                            + " {} spends applied, {} refused; balance {}",
                    round,
                    outcomes.size(),
                    EARNS + SPENDS,
                    CONCURRENCY,
                    millis,
                    applied.stream()
                            .filter(entry -> entry.type() == EntryType.SPEND)
                            .count(),
                    entries.stream()
                            .filter(entry -> entry.state() == EntryState.REJECTED)
                            .count(),
                    account.balance());
        }
    }

    /** Answers with the entry id and balance for both copies of a request; duplicate flags differ. */
    private static Mono<Outcome> outcome(String key, Mono<PointsResult> call) {
        return call.map(result -> new Outcome(key, result.entryId(), result.balance(), null))
                .onErrorResume(
                        ErrorResponseException.class,
                        refused -> Mono.just(new Outcome(
                                key, null, null, refused.getBody().getType().toString())));
    }
}
