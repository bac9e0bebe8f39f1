package io.quanzi.offer.points;

import static io.quanzi.offer.points.PointsLedgerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.rules.Activity;
import io.quanzi.offer.support.OfferTestSupport;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * A crash between two steps of a write, simulated by running the real steps one by one and
 * stopping where the process would have died; then the recovery job (or a retry) must finish the
 * write without losing or doubling points.
 */
class PointsCrashRecoveryTest extends OfferTestSupport {

    @Autowired
    PointsLedger ledger;

    @Autowired
    LedgerSteps steps;

    @Autowired
    PointsRecovery recovery;

    @BeforeEach
    void memberWith100Points() {
        ledger.earn(memberId, brand, Activity.CHECK_IN, 100L, "start", "seed", "test")
                .block();
    }

    @Test
    void spendWrittenButNotAppliedIsAppliedOnceByRecovery() {
        PointsEntry written = recordOnly(ledger.spendOperation(memberId, brand, 30, "s1", "coupon:1"));

        assertBalance(100);
        StepVerifier.create(recovery.runOnce()).expectNextCount(1).verifyComplete();
        assertThat(state(written))
                .as("a fresh entry is left to its own request")
                .isEqualTo(EntryState.PENDING);

        clock.advance(Duration.ofSeconds(10));
        recovery.runOnce().block();
        recovery.runOnce().block();

        assertThat(state(written)).isEqualTo(EntryState.APPLIED);
        assertBalance(70);
        StepVerifier.create(ledger.spend(memberId, brand, 30, "s1", "coupon:1"))
                .assertNext(retry -> {
                    assertThat(retry.duplicate()).isTrue();
                    assertThat(retry.entryId()).isEqualTo(written.id());
                    assertThat(retry.balance()).isEqualTo(70);
                })
                .verifyComplete();
        assertBalance(70);
    }

    @Test
    void spendAppliedButNotSettledIsSettledWithoutApplyingAgain() {
        PointsEntry written = recordOnly(ledger.spendOperation(memberId, brand, 30, "s2", "coupon:2"));
        steps.decide(written).block();

        assertBalance(70);
        assertThat(state(written)).isEqualTo(EntryState.PENDING);

        clock.advance(Duration.ofSeconds(10));
        recovery.runOnce().block();

        assertThat(state(written)).isEqualTo(EntryState.APPLIED);
        assertBalance(70);
    }

    @Test
    void earnWrittenButNotAppliedIsAppliedOnceByRecovery() {
        PointsEntry written =
                recordOnly(ledger.earnOperation(memberId, brand, Activity.FIRST_POST, null, "e1", "post:1", "test"));

        assertBalance(100);
        clock.advance(Duration.ofSeconds(10));
        recovery.runOnce().block();
        recovery.runOnce().block();

        assertThat(state(written)).isEqualTo(EntryState.APPLIED);
        assertBalance(110);
    }

    @Test
    void earnAppliedButNotSettledIsSettledWithoutApplyingAgain() {
        PointsEntry written =
                recordOnly(ledger.earnOperation(memberId, brand, Activity.FIRST_POST, null, "e2", "post:2", "test"));
        steps.decide(written).block();
        assertBalance(110);

        StepVerifier.create(ledger.earn(memberId, brand, Activity.FIRST_POST, null, "e2", "post:2", "test"))
                .as("a retry before the recovery runs finishes the same entry")
                .assertNext(retry -> {
                    assertThat(retry.duplicate()).isTrue();
                    assertThat(retry.entryId()).isEqualTo(written.id());
                })
                .verifyComplete();
        clock.advance(Duration.ofSeconds(10));
        recovery.runOnce().block();

        assertThat(state(written)).isEqualTo(EntryState.APPLIED);
        assertBalance(110);
    }

    @Test
    void recoveryRacingRetriesAppliesTheSpendOnce() {
        PointsEntry written = recordOnly(ledger.spendOperation(memberId, brand, 40, "s3", "coupon:3"));
        clock.advance(Duration.ofSeconds(10));

        Flux.merge(
                        recovery.runOnce().subscribeOn(Schedulers.parallel()),
                        ledger.spend(memberId, brand, 40, "s3", "coupon:3").subscribeOn(Schedulers.parallel()),
                        ledger.spend(memberId, brand, 40, "s3", "coupon:3").subscribeOn(Schedulers.parallel()),
                        recovery.runOnce().subscribeOn(Schedulers.parallel()))
                .blockLast();

        assertThat(state(written)).isEqualTo(EntryState.APPLIED);
        assertBalance(60);
    }

    @Test
    void refusedSpendCrashedBeforeSettlingStaysRefusedAfterPointsArrive() {
        PointsEntry written = recordOnly(ledger.spendOperation(memberId, brand, 150, "s4", "coupon:4"));
        StepVerifier.create(steps.decide(written))
                .assertNext(verdict -> assertThat(verdict.applied()).isFalse())
                .verifyComplete();
        ledger.earn(memberId, brand, Activity.CHECK_IN, 100L, "more", "seed", "test")
                .block();

        clock.advance(Duration.ofSeconds(10));
        recovery.runOnce().block();

        assertThat(state(written)).isEqualTo(EntryState.REJECTED);
        assertBalance(200);
        StepVerifier.create(ledger.spend(memberId, brand, 150, "s4", "coupon:4"))
                .expectErrorSatisfies(failure -> assertProblem(failure, 409, PointsProblems.INSUFFICIENT_POINTS))
                .verify();
        assertBalance(200);
    }

    @Test
    void reversalCrashedAfterClaimingItsTargetIsFinishedOnce() {
        LedgerSteps.Recorded reverse = ledger.reversal(
                        memberId,
                        brand,
                        "earn:start",
                        "reverse:r1",
                        "r1",
                        Fingerprint.of("reverse", memberId, brand, "start", "fraud"),
                        "fraud",
                        "test")
                .draft()
                .get()
                .flatMap(steps::record)
                .block();
        steps.claimTarget(reverse.entry()).block();
        assertBalance(100);

        clock.advance(Duration.ofSeconds(10));
        recovery.runOnce().block();

        assertThat(state(reverse.entry())).isEqualTo(EntryState.APPLIED);
        assertBalance(0);
        StepVerifier.create(ledger.reverse(memberId, brand, "start", "r1", "fraud", "test"))
                .assertNext(retry -> assertThat(retry.duplicate()).isTrue())
                .verifyComplete();
        StepVerifier.create(ledger.reverse(memberId, brand, "start", "r2", "fraud", "test"))
                .expectErrorSatisfies(failure -> assertProblem(failure, 409, PointsProblems.ALREADY_REVERSED))
                .verify();
        assertBalance(0);
    }

    private PointsEntry recordOnly(PointsLedger.Operation operation) {
        return operation.draft().get().flatMap(steps::record).block().entry();
    }

    private EntryState state(PointsEntry entry) {
        return steps.findById(entry.id()).map(PointsEntry::state).block();
    }

    private void assertBalance(long expected) {
        assertThat(ledger.balance(memberId, brand).block()).isEqualTo(expected);
    }

    static Mono<Void> nothing() {
        return Mono.empty();
    }
}
