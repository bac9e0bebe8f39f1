package io.quanzi.offer.points;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.rules.Activity;
import io.quanzi.offer.support.OfferTestSupport;
import io.quanzi.offer.tier.Tiers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The account's tier bound is raised by the update that applies an entry, a step before the entry is settled: an
 * earning caught between the two (a crash, or simply in flight) must still count when it reaches a tier. Default
 * ladder: Fan 0, Core fan 500.
 */
class TierQualificationTest extends OfferTestSupport {

    @Autowired
    PointsLedger ledger;

    @Autowired
    LedgerSteps steps;

    @Autowired
    PointsRecovery recovery;

    @Autowired
    Tiers tiers;

    @Test
    void earningAppliedButNotSettledUpgradesOnceRecovered() {
        earn("seed", 460);
        PointsEntry crashed = appliedButNotSettled("crashed", 40);
        assertThat(tier()).isEqualTo("Fan");

        clock.advance(Duration.ofSeconds(10));
        recovery.runOnce().block();

        assertThat(tier()).as("460 + 40 points in the window").isEqualTo("Core fan");
        assertThat(steps.findById(crashed.id()).block().state()).isEqualTo(EntryState.APPLIED);
    }

    @Test
    void exactSumWhileAnEarningIsUnsettledKeepsItInTheBound() {
        earn("seed", 450);
        appliedButNotSettled("in-flight", 40);

        earn("next", 20);
        assertThat(tier()).as("the exact sum counts settled entries only: 470").isEqualTo("Fan");
        assertThat(account().earnedInWindow())
                .as("the unsettled earning stays in the bound")
                .isEqualTo(510);

        clock.advance(Duration.ofSeconds(10));
        recovery.runOnce().block();

        assertThat(tier()).as("settling it brings the window to 510").isEqualTo("Core fan");
    }

    private void earn(String key, long points) {
        ledger.earn(memberId, brand, Activity.CHECK_IN, points, key, "event:" + key, "test")
                .block();
    }

    private PointsEntry appliedButNotSettled(String key, long points) {
        PointsEntry entry = ledger.earnOperation(
                        memberId, brand, Activity.CHECK_IN, points, key, "event:" + key, "test")
                .draft()
                .get()
                .flatMap(steps::record)
                .block()
                .entry();
        steps.decide(entry).block();
        return entry;
    }

    private String tier() {
        return tiers.currentTier(brand, memberId).block();
    }

    private PointsAccount account() {
        return mongo.findById(PointsAccount.idOf(brand, memberId), PointsAccount.class)
                .block();
    }
}
