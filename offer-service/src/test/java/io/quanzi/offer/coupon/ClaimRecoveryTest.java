package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.coupon.ClaimCheckpoint.Step;
import io.quanzi.offer.offer.OfferStock;
import io.quanzi.offer.support.OfferServiceTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A claim stopped half-way (as by a crash) is finished or rolled back by the recovery job, and
 * nothing is lost or doubled: stock, member slot, coupon.
 */
class ClaimRecoveryTest extends OfferServiceTest {

    @Autowired
    InjectedCrashes crashes;

    @Autowired
    ClaimRecovery recovery;

    @Autowired
    ClaimSteps steps;

    @Autowired
    OfferStock stock;

    @AfterEach
    void noMoreCrashes() {
        crashes.clear();
    }

    @Test
    void crashAfterStockReservedIsRolledBackAndTheUnitGoesToSomeoneElse() {
        String offerId = lastUnitOffer();
        String member = newMemberId();
        String key = newKey();
        crashes.crashAfter(Step.STOCK_TAKEN);

        expectProblem(claim(member, offerId, key), 503, "claim-incomplete");
        crashes.clear();
        assertThat(remaining(offerId)).as("unit held by the stopped claim").isZero();
        assertThat(slotCount(offerId, member)).isEqualTo(1);
        assertThat(claimOf(member, key).state()).isEqualTo(ClaimState.RESERVED);
        expectProblem(claim(member, offerId, key), 409, "claim-in-progress");

        clock.advance(steps.lease().plusSeconds(1));
        recovery.runOnce().block();

        assertThat(claimOf(member, key).state()).isEqualTo(ClaimState.RELEASED);
        assertThat(remaining(offerId)).as("unit given back").isEqualTo(1);
        assertThat(slotCount(offerId, member)).as("slot given back").isZero();
        assertThat(couponCount(offerId)).isZero();

        recovery.runOnce().block();
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
        crashes.crashAfter(Step.SLOT_TAKEN);

        expectProblem(claim(member, offerId, key), 503, "claim-incomplete");
        crashes.clear();
        clock.advance(steps.lease().plusSeconds(1));
        recovery.runOnce().block();

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
        crashes.crashAfter(Step.PAID);

        expectProblem(claim(member, offerId, key), 503, "claim-incomplete");
        crashes.clear();
        assertThat(claimOf(member, key).state()).isEqualTo(ClaimState.PAID);
        assertThat(couponCount(offerId)).isZero();

        clock.advance(steps.lease().plusSeconds(1));
        recovery.runOnce().block();
        recovery.runOnce().block();

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
        crashes.crashAfter(Step.PAID);
        expectProblem(claim(member, offerId, key), 503, "claim-incomplete");
        crashes.clear();

        clock.advance(steps.lease().plusSeconds(1));

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
            clock.advance(steps.lease().plusSeconds(1));
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

    private String lastUnitOffer() {
        Map<String, Object> body = offerBody();
        body.put("totalStock", 1);
        return createOffer(body);
    }

    private long remaining(String offerId) {
        return stock.remaining(offerId).block();
    }

    private int slotCount(String offerId, String member) {
        return mongo.findById(MemberSlots.slotId(offerId, member), MemberSlot.class)
                .map(MemberSlot::count)
                .defaultIfEmpty(0)
                .block();
    }

    private long couponCount(String offerId) {
        return mongo.count(Query.query(Criteria.where("offerId").is(offerId)), Coupon.class)
                .block();
    }

    private Claim claimOf(String member, String key) {
        return steps.find(member, key).block();
    }
}
