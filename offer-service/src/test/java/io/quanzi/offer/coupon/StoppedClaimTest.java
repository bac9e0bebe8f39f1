package io.quanzi.offer.coupon;

import io.quanzi.offer.coupon.ClaimCheckpoint.Step;
import io.quanzi.offer.offer.OfferStock;
import io.quanzi.offer.support.OfferServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Claims stopped half-way, as by a crash: a test stops a claim after one of its steps, lets the claim's lease run
 * out, runs the recovery job, and then reads what the claim holds: stock, member slot, coupons.
 */
abstract class StoppedClaimTest extends OfferServiceTest {

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

    /** Claims with {@code key}, stopping right after {@code step}: the member hears 503 claim-incomplete. */
    void claimStoppedAfter(Step step, String member, String offerId, String key) {
        crashes.crashAfter(step);
        expectProblem(claim(member, offerId, key), 503, "claim-incomplete");
        crashes.clear();
    }

    /** Moves the clock past the claim lease, so that recovery may take the claim over. */
    void leaseRunsOut() {
        clock.advance(steps.lease().plusSeconds(1));
    }

    void recover() {
        recovery.runOnce().block();
    }

    Claim claimOf(String member, String key) {
        return steps.find(member, key).block();
    }

    long remaining(String offerId) {
        return stock.remaining(offerId).block();
    }

    int slotCount(String offerId, String member) {
        return mongo.findById(MemberSlots.slotId(offerId, member), MemberSlot.class)
                .map(MemberSlot::count)
                .defaultIfEmpty(0)
                .block();
    }

    long couponCount(String offerId) {
        return mongo.count(Query.query(Criteria.where("offerId").is(offerId)), Coupon.class)
                .block();
    }
}
