package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.coupon.ClaimCheckpoint.Step;
import org.junit.jupiter.api.Test;

/**
 * A claim stopped half-way (as by a crash) is finished or rolled back by the recovery job, and
 * nothing is lost or doubled: stock, member slot, coupon.
 */
class ClaimRecoveryTest extends StoppedClaimTest {

    @Test
    void crashAfterStockReservedIsRolledBackAndTheUnitGoesToSomeoneElse() {
        String offerId = lastUnitOffer();
        String member = newMemberId();
        String key = newKey();
        claimStoppedAfter(Step.STOCK_TAKEN, member, offerId, key);
        assertThat(remaining(offerId)).as("unit held by the stopped claim").isZero();
        assertThat(slotCount(offerId, member)).isEqualTo(1);
        assertThat(claimOf(member, key).state()).isEqualTo(ClaimState.RESERVED);
        expectProblem(claim(member, offerId, key), 409, "claim-in-progress");

        leaseRunsOut();
        recover();

        assertThat(claimOf(member, key).state()).isEqualTo(ClaimState.RELEASED);
        assertThat(remaining(offerId)).as("unit given back").isEqualTo(1);
        assertThat(slotCount(offerId, member)).as("slot given back").isZero();
        assertThat(couponCount(offerId)).isZero();

        recover();
        assertThat(remaining(offerId))
                .as("given back once, however often recovery runs")
                .isEqualTo(1);
        assertThat(slotCount(offerId, member)).isZero();

        expectProblem(claim(member, offerId, key), 409, "claim-abandoned");
        claimCoupon(newMemberId(), offerId);
        assertThat(remaining(offerId)).isZero();
    }

    @Test
    void crashAfterSlotTakenIsRolledBack() {
        String offerId = lastUnitOffer();
        String member = newMemberId();
        String key = newKey();
        claimStoppedAfter(Step.SLOT_TAKEN, member, offerId, key);
        leaseRunsOut();
        recover();

        assertThat(claimOf(member, key).state()).isEqualTo(ClaimState.RELEASED);
        assertThat(slotCount(offerId, member)).isZero();
        assertThat(remaining(offerId)).isEqualTo(1);
        claimCoupon(member, offerId);
    }

    @Test
    void crashAfterPaidBeforeCouponIsFinishedWithExactlyOneCoupon() {
        String offerId = lastUnitOffer();
        String member = newMemberId();
        String key = newKey();
        claimStoppedAfter(Step.PAID, member, offerId, key);
        assertThat(claimOf(member, key).state()).isEqualTo(ClaimState.PAID);
        assertThat(couponCount(offerId)).isZero();

        leaseRunsOut();
        recover();
        recover();

        Claim claim = claimOf(member, key);
        assertThat(claim.state()).isEqualTo(ClaimState.ISSUED);
        assertThat(couponCount(offerId))
                .as("one coupon, however often recovery runs")
                .isEqualTo(1);
        assertThat(remaining(offerId)).isZero();
        assertThat(slotCount(offerId, member)).isEqualTo(1);
        claim(member, offerId, key)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(claim.couponId());
    }

    @Test
    void repeatingTheKeyAfterTheLeaseRanOutFinishesTheClaimAtOnce() {
        String offerId = lastUnitOffer();
        String member = newMemberId();
        String key = newKey();
        claimStoppedAfter(Step.PAID, member, offerId, key);

        leaseRunsOut();

        claim(member, offerId, key)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.offerId")
                .isEqualTo(offerId);
        assertThat(couponCount(offerId)).isEqualTo(1);
        assertThat(claimOf(member, key).state()).isEqualTo(ClaimState.ISSUED);
    }

    @Test
    void requestThatStalledPastItsLeaseGivesBackWhatItTookAfterTheRollback() {
        String offerId = lastUnitOffer();
        String member = newMemberId();
        String key = newKey();
        // While the request stalls after taking its slot, its lease runs out and the recovery job
        // rolls the claim back; then the request goes on and takes the stock unit.
        crashes.stallAfter(Step.SLOT_TAKEN, () -> {
            leaseRunsOut();
            return recovery.runOnce();
        });

        expectProblem(claim(member, offerId, key), 409, "claim-abandoned");

        assertThat(claimOf(member, key).state()).isEqualTo(ClaimState.RELEASED);
        assertThat(remaining(offerId))
                .as("unit taken after the rollback, given back")
                .isEqualTo(1);
        assertThat(slotCount(offerId, member)).isZero();
        assertThat(couponCount(offerId)).isZero();
        claimCoupon(member, offerId);
    }
}
