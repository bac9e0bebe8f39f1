package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.coupon.ClaimCheckpoint.Step;
import io.quanzi.offer.points.PointsLedger;
import io.quanzi.offer.rules.Activity;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Points-priced rewards: the price is spent through the points ledger as part of the claim, given
 * back when the claim fails, and neither lost nor charged twice when a claim stops half-way.
 */
class PointsPricedClaimTest extends StoppedClaimTest {

    private static final long PRICE = 300;

    @Autowired
    PointsLedger ledger;

    @Test
    void claimSpendsThePointsPriceOnce() {
        String offerId = reward(5);
        String member = memberWith(500);
        String key = newKey();

        String couponId = claimCoupon(member, offerId, key);
        claim(member, offerId, key)
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(couponId);

        assertThat(balance(member)).isEqualTo(200);
    }

    @Test
    void memberWithoutEnoughPointsIsRefusedAndKeepsEverything() {
        String offerId = reward(5);
        String member = memberWith(100);
        String key = newKey();

        expectProblem(claim(member, offerId, key), 409, "insufficient-points");

        assertThat(balance(member)).isEqualTo(100);
        assertThat(remaining(offerId)).isEqualTo(5);
        assertThat(slotCount(offerId, member)).isZero();
        assertThat(claimOf(member, key).state()).isEqualTo(ClaimState.RELEASED);
        expectProblem(claim(member, offerId, key), 409, "insufficient-points");
    }

    @Test
    void pointsAreRefundedWhenTheClaimFailsAfterTheSpend() {
        String offerId = reward(1);
        String member = memberWith(500);
        String key = newKey();
        claimStoppedAfter(Step.POINTS_SPENT, member, offerId, key);
        assertThat(balance(member)).as("spent, then the claim stopped").isEqualTo(200);

        leaseRunsOut();
        recover();
        recover();

        assertThat(balance(member)).as("refunded exactly once").isEqualTo(500);
        assertThat(refunds(member)).isEqualTo(1);
        assertThat(claimOf(member, key).state()).isEqualTo(ClaimState.RELEASED);
        assertThat(remaining(offerId)).isEqualTo(1);
        assertThat(slotCount(offerId, member)).isZero();
        assertThat(couponCount(offerId)).isZero();
    }

    @Test
    void paidClaimStoppedBeforeItsCouponIsFinishedWithoutRefund() {
        String offerId = reward(1);
        String member = memberWith(500);
        String key = newKey();
        claimStoppedAfter(Step.PAID, member, offerId, key);
        leaseRunsOut();
        recover();
        recover();

        assertThat(couponCount(offerId)).isEqualTo(1);
        assertThat(balance(member)).as("charged once, not refunded").isEqualTo(200);
        assertThat(refunds(member)).isZero();
        assertThat(claimOf(member, key).state()).isEqualTo(ClaimState.ISSUED);
    }

    @Test
    void claimStoppedBeforeTheSpendIsRolledBackWithoutTouchingPoints() {
        String offerId = reward(1);
        String member = memberWith(500);
        claimStoppedAfter(Step.STOCK_TAKEN, member, offerId, newKey());
        leaseRunsOut();
        recover();

        assertThat(balance(member)).isEqualTo(500);
        assertThat(refunds(member)).isZero();
        assertThat(remaining(offerId)).isEqualTo(1);
    }

    @Test
    void requestThatStalledPastItsLeaseRefundsASpendMadeAfterTheRollback() {
        String offerId = reward(1);
        String member = memberWith(500);
        String key = newKey();
        // The recovery job rolls the claim back (nothing spent yet, nothing to refund) while the
        // request stalls; then the request spends, finds its claim gone, and refunds.
        crashes.stallAfter(Step.STOCK_TAKEN, () -> {
            leaseRunsOut();
            return recovery.runOnce();
        });

        expectProblem(claim(member, offerId, key), 409, "claim-abandoned");

        assertThat(balance(member)).isEqualTo(500);
        assertThat(refunds(member)).isEqualTo(1);
        assertThat(remaining(offerId)).isEqualTo(1);
        assertThat(slotCount(offerId, member)).isZero();
    }

    @Test
    void tierRestrictedOfferOpensWhenTheMemberReachesTheTier() {
        Map<String, Object> body = offerBody();
        body.put("eligibility", Map.of("tiers", List.of("Core fan", "Ambassador")));
        String offerId = createOffer(body);
        String member = newMemberId();

        expectProblem(claim(member, offerId, newKey()), 403, "not-eligible");

        earn(member, 600); // 500 earned in the window makes a "Core fan" with the default rules

        claimCoupon(member, offerId);
    }

    private String reward(int stock) {
        Map<String, Object> body = offerBody();
        body.put("type", "POINTS_REWARD");
        body.put("pointsPrice", PRICE);
        body.put("totalStock", stock);
        return createOffer(body);
    }

    private String memberWith(long points) {
        String member = newMemberId();
        earn(member, points);
        return member;
    }

    private void earn(String member, long points) {
        ledger.earn(member, BRAND, Activity.CHECK_IN, points, "earn-" + member, "test", "test")
                .block();
    }

    private long balance(String member) {
        return ledger.balance(member, BRAND).block();
    }

    private long refunds(String member) {
        return mongo.getCollection("points_entries")
                .flatMap(entries -> reactor.core.publisher.Mono.from(
                        entries.countDocuments(new Document("memberId", member).append("type", "REFUND"))))
                .block();
    }
}
