package io.quanzi.offer.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.points.PointsLedger;
import io.quanzi.offer.points.PointsResult;
import io.quanzi.offer.rules.Activity;
import io.quanzi.offer.rules.EarningRules;
import io.quanzi.offer.support.OfferTestSupport;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** Default ladder: Fan 0, Core fan 500, Ambassador 2000 points in 12 months; 30 days of grace. */
class TierTest extends OfferTestSupport {

    @Autowired
    PointsLedger ledger;

    @Autowired
    Tiers tiers;

    @Autowired
    TierReview review;

    @Autowired
    EarningRules rules;

    Instant start;

    @BeforeEach
    void freshMember() {
        start = clock.instant();
    }

    @Test
    void upgradeHappensOnTheEarningThatReachesTheThreshold() {
        for (int i = 0; i < 9; i++) {
            checkIn("c" + i);
        }
        assertThat(tier()).isEqualTo("Fan");

        checkIn("c9");
        assertThat(tier()).as("500 points earned in the window").isEqualTo("Core fan");

        assertThat(checkIn("c10").points())
                .as("the Core fan multiplier 1.2 applies at once")
                .isEqualTo(60);
    }

    @Test
    void downgradeOnlyAfterTheReviewDateAndTheGracePeriod() {
        ledger.earn(memberId, brand, Activity.CHECK_IN, 500L, "big", "event", "test")
                .block();
        assertThat(tier()).isEqualTo("Core fan");

        moveTo(11, 0);
        review.runOnce().block();
        assertThat(tier()).as("before the review date nothing happens").isEqualTo("Core fan");

        moveTo(12, 1);
        review.runOnce().block();
        TierStatus inGrace = tiers.status(brand, memberId).block();
        assertThat(inGrace.tier())
                .as("short at the review, but in the grace period")
                .isEqualTo("Core fan");
        assertThat(inGrace.downgradeDueAt()).isNotNull();

        moveTo(12, 21);
        review.runOnce().block();
        assertThat(tier()).isEqualTo("Core fan");

        moveTo(12, 32);
        review.runOnce().block();
        TierStatus after = tiers.status(brand, memberId).block();
        assertThat(after.tier()).isEqualTo("Fan");
        assertThat(after.history()).extracting(TierStatus.TierChange::tier).containsExactly("Fan", "Core fan", "Fan");
        assertThat(after.history().get(2).previousTier()).isEqualTo("Core fan");
    }

    @Test
    void earningEnoughDuringTheGracePeriodKeepsTheTier() {
        coreFanInTheGracePeriod();

        ledger.earn(memberId, brand, Activity.CHECK_IN, 500L, "again", "event", "test")
                .block();
        moveTo(12, 32);
        review.runOnce().block();

        TierStatus status = tiers.status(brand, memberId).block();
        assertThat(status.tier()).isEqualTo("Core fan");
        assertThat(status.downgradeDueAt()).isNull();
    }

    /**
     * The race the review cannot rule out with one conditional write: it sums the window, an earning lands and reads
     * the tier before the downgrade (so it changes nothing), then the downgrade is written on the stale sum. Rebuilt
     * here as the state it leaves: the earning applied in the ledger, the tier document still in its grace period as
     * the review read it, and the review acting on the sum from before the earning.
     */
    @Test
    void anEarningThatRacesTheDowngradeBringsTheMemberBackUp() {
        coreFanInTheGracePeriod();
        moveTo(12, 32);
        MemberTier asReviewRead = mongo.findById(MemberTier.idOf(brand, memberId), MemberTier.class)
                .block();
        assertThat(asReviewRead.downgradeDueAt()).isNotNull();

        ledger.earn(memberId, brand, Activity.CHECK_IN, 500L, "meanwhile", "event", "test")
                .block();
        mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(asReviewRead.id())),
                        new Update().set("downgradeDueAt", asReviewRead.downgradeDueAt()),
                        MemberTier.class)
                .block();
        boolean changed = review.review(asReviewRead, rules.forBrand(brand).block(), 0, clock.instant())
                .block();

        TierStatus status = tiers.status(brand, memberId).block();
        assertThat(changed).as("the stale downgrade was written").isTrue();
        assertThat(status.tier())
                .as("500 points earned in the window reach Core fan again")
                .isEqualTo("Core fan");
        assertThat(status.downgradeDueAt()).isNull();
        assertThat(status.history())
                .extracting(TierStatus.TierChange::tier)
                .containsExactly("Fan", "Core fan", "Fan", "Core fan");
    }

    /** 500 points a year ago made the member Core fan; the review a year later found them short. */
    private void coreFanInTheGracePeriod() {
        ledger.earn(memberId, brand, Activity.CHECK_IN, 500L, "big", "event", "test")
                .block();
        moveTo(12, 1);
        review.runOnce().block();
        assertThat(tiers.status(brand, memberId).block().downgradeDueAt()).isNotNull();
    }

    private PointsResult checkIn(String key) {
        return ledger.earn(memberId, brand, Activity.CHECK_IN, null, key, key, "test")
                .block();
    }

    private String tier() {
        return tiers.currentTier(brand, memberId).block();
    }

    /**
     * Moves the clock to {@code months} and {@code days} after the test's start, computed from
     * the start each time so that month-end clamping cannot accumulate.
     */
    private void moveTo(int months, int days) {
        clock.set(start.atZone(ZoneOffset.UTC).plusMonths(months).plusDays(days).toInstant());
    }
}
