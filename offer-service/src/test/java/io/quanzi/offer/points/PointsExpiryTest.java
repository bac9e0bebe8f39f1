package io.quanzi.offer.points;

import static io.quanzi.offer.points.PointsLedgerTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.rules.Activity;
import io.quanzi.offer.support.OfferTestSupport;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;

/** Expiry oldest batch first (12 months by default), and clawbacks that go below zero. */
class PointsExpiryTest extends OfferTestSupport {

    @Autowired
    PointsLedger ledger;

    @Autowired
    PointsExpiry expiry;

    Instant start;

    @BeforeEach
    void freshMember() {
        start = clock.instant();
    }

    @Test
    void spendsConsumeTheOldestBatchSoOnlyItsRestExpiresFirst() {
        earn("a", 100);
        moveTo(6, 0);
        earn("b", 100);
        moveTo(7, 0);
        ledger.spend(memberId, brand, 50, "s", "reward").block();

        moveTo(12, 1);
        StepVerifier.create(expiry.runOnce())
                .assertNext(expired -> assertThat(expired).isGreaterThanOrEqualTo(50))
                .verifyComplete();

        assertBalance(100);
        StepVerifier.create(expiry.runOnce())
                .as("a second run expires nothing more")
                .assertNext(expired -> assertThat(expired).isNotNegative())
                .verifyComplete();
        assertBalance(100);

        moveTo(18, 1);
        expiry.runOnce().block();
        assertBalance(0);
    }

    @Test
    void expiryLeavesPointsThatAreNotDueYet() {
        earn("a", 100);
        moveTo(11, 0);
        earn("b", 30);

        moveTo(12, 1);
        expiry.runOnce().block();

        assertBalance(30);
    }

    @Test
    void memberSeesPointsExpiringWithin30Days() {
        earn("a", 100);
        moveTo(6, 0);
        earn("b", 40);
        moveTo(11, 10);

        web.mutateWith(member(memberId))
                .get()
                .uri("/api/points/me?brandId=" + brand)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.balance")
                .isEqualTo(140)
                .jsonPath("$.expiringSoon.points")
                .isEqualTo(100);
    }

    @Test
    void reversalMayGoNegativeAndLaterEarningsPayItBack() {
        earn("bonus", 100);
        ledger.spend(memberId, brand, 80, "s", "reward").block();

        StepVerifier.create(ledger.reverse(memberId, brand, "bonus", "clawback", "fraudulent check-in", "test"))
                .assertNext(reversed -> {
                    assertThat(reversed.points()).isEqualTo(-100);
                    assertThat(reversed.balance()).isEqualTo(-80);
                })
                .verifyComplete();
        StepVerifier.create(ledger.spend(memberId, brand, 1, "s2", "reward"))
                .expectErrorSatisfies(failure -> assertProblem(failure, 409, PointsProblems.INSUFFICIENT_POINTS))
                .verify();

        earn("later-1", 50);
        assertBalance(-30);
        earn("later-2", 50);
        assertBalance(20);

        moveTo(12, 1);
        expiry.runOnce().block();
        assertBalance(0);
    }

    @Test
    void refundedPointsComeBackAsANewBatch() {
        earn("a", 100);
        moveTo(11, 0);
        ledger.spend(memberId, brand, 100, "s", "reward").block();
        ledger.refund(memberId, brand, "s", "r").block();

        moveTo(12, 1);
        expiry.runOnce().block();

        assertBalance(100);
    }

    private void earn(String key, long points) {
        ledger.earn(memberId, brand, Activity.CHECK_IN, points, key, key, "test")
                .block();
    }

    /**
     * Moves the clock to {@code months} and {@code days} after the test's start, computed from
     * the start each time so that month-end clamping cannot accumulate.
     */
    private void moveTo(int months, int days) {
        clock.set(start.atZone(ZoneOffset.UTC).plusMonths(months).plusDays(days).toInstant());
    }

    private void assertBalance(long expected) {
        assertThat(ledger.balance(memberId, brand).block()).isEqualTo(expected);
    }
}
