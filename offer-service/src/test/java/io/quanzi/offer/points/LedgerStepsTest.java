package io.quanzi.offer.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.rules.Activity;
import io.quanzi.offer.support.OfferTestSupport;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Step 3 of an earning is one upsert guarded by "no verdict on this entry yet", against the embedded MongoDB-wire
 * server the dev stack runs on: it must create the account with only the fields named, apply at most once, and tell a
 * second decision apart from a concurrent first one.
 */
class LedgerStepsTest extends OfferTestSupport {

    @Autowired
    PointsLedger ledger;

    @Autowired
    LedgerSteps steps;

    @Test
    void firstEarningCreatesTheAccountWithItsVerdict() {
        PointsEntry entry = recordEarning("e1", 40);

        StepVerifier.create(steps.decide(entry))
                .assertNext(verdict -> {
                    assertThat(verdict.applied()).isTrue();
                    assertThat(verdict.balance()).isEqualTo(40);
                    assertThat(verdict.earnedInWindow()).isEqualTo(40);
                })
                .verifyComplete();

        Document account = rawAccount();
        List<String> fields = List.of(
                "_id",
                "brandId",
                "memberId",
                "balance",
                "lifetimeEarned",
                "earnedInWindow",
                "applyCount",
                "decisions",
                "createdAt");
        assertThat(account.keySet())
                .as("the guard on decisions is not copied into the new account")
                .containsAll(fields)
                .isSubsetOf(concat(fields, "_class"));
        assertThat(account.getString("brandId")).isEqualTo(brand);
        assertThat(account.getString("memberId")).isEqualTo(memberId);
        assertThat(((Number) account.get("balance")).longValue()).isEqualTo(40);
        assertThat(((Number) account.get("lifetimeEarned")).longValue()).isEqualTo(40);
        assertThat(((Number) account.get("applyCount")).longValue()).isEqualTo(1);
        assertThat(account.getList("decisions", Document.class)).singleElement().satisfies(decision -> {
            assertThat(decision.getString("entryId")).isEqualTo(entry.id());
            assertThat(decision.getBoolean("applied")).isTrue();
        });
    }

    @Test
    void secondDecisionOnTheSameEntryReadsTheFirstVerdictAndChangesNothing() {
        recordAndApply(recordEarning("seed", 100));
        PointsEntry entry = recordEarning("e2", 40);
        recordAndApply(entry);

        StepVerifier.create(steps.decide(entry))
                .assertNext(verdict -> {
                    assertThat(verdict.applied()).isTrue();
                    assertThat(verdict.balance()).isEqualTo(140);
                    assertThat(verdict.earnedInWindow())
                            .as("not applied by this call")
                            .isNull();
                })
                .verifyComplete();

        PointsAccount account = account();
        assertThat(account.balance()).isEqualTo(140);
        assertThat(account.earnedInWindow()).isEqualTo(140);
        assertThat(account.applyCount()).isEqualTo(2);
        assertThat(account.decisions()).hasSize(2);
    }

    @Test
    void secondDecisionOnTheFirstEntryOfAnAccountChangesNothing() {
        PointsEntry entry = recordEarning("only", 40);
        recordAndApply(entry);

        StepVerifier.create(steps.decide(entry))
                .assertNext(verdict -> assertThat(verdict.applied()).isTrue())
                .verifyComplete();

        assertThat(account().balance()).isEqualTo(40);
        assertThat(account().applyCount()).isEqualTo(1);
    }

    @Test
    void concurrentFirstEarningsAllApplyOnce() {
        List<PointsEntry> entries =
                IntStream.range(0, 24).mapToObj(i -> recordEarning("c" + i, 10)).toList();

        List<LedgerSteps.Verdict> verdicts = Flux.fromIterable(entries)
                .flatMap(entry ->
                        Flux.range(0, 2).flatMap(copy -> steps.decide(entry).subscribeOn(Schedulers.parallel())))
                .collectList()
                .block();

        assertThat(verdicts).hasSize(48).allMatch(LedgerSteps.Verdict::applied);
        PointsAccount account = account();
        assertThat(account.balance()).isEqualTo(240);
        assertThat(account.earnedInWindow()).isEqualTo(240);
        assertThat(account.applyCount()).isEqualTo(24);
        assertThat(account.decisions().stream().map(PointsAccount.Decision::entryId))
                .doesNotHaveDuplicates()
                .hasSize(24);
    }

    @Test
    void repeatedEarningRaisesTheTierBoundOnce() {
        ledger.earn(memberId, brand, Activity.CHECK_IN, 30L, "k", "post:1", "test")
                .block();
        ledger.earn(memberId, brand, Activity.CHECK_IN, 30L, "k", "post:1", "test")
                .block();

        assertThat(account().earnedInWindow()).isEqualTo(30);
    }

    private PointsEntry recordEarning(String key, long points) {
        return ledger.earnOperation(memberId, brand, Activity.CHECK_IN, points, key, "post:" + key, "test")
                .draft()
                .get()
                .flatMap(steps::record)
                .block()
                .entry();
    }

    private void recordAndApply(PointsEntry entry) {
        steps.drive(entry).block();
    }

    private static List<String> concat(List<String> fields, String field) {
        return java.util.stream.Stream.concat(fields.stream(), java.util.stream.Stream.of(field))
                .toList();
    }

    private PointsAccount account() {
        return mongo.findById(PointsAccount.idOf(brand, memberId), PointsAccount.class)
                .block();
    }

    private Document rawAccount() {
        return mongo.findOne(
                        Query.query(Criteria.where("_id").is(PointsAccount.idOf(brand, memberId))),
                        Document.class,
                        "points_accounts")
                .block();
    }
}
