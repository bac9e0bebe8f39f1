package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.coupon.ClaimCheckpoint.Step;
import io.quanzi.offer.offer.OfferStock;
import io.quanzi.offer.points.PointsLedger;
import io.quanzi.offer.rules.Activity;
import io.quanzi.offer.support.OfferServiceTest;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Points-priced rewards: the price is spent through the points ledger as part of the claim, given
 * back when the claim fails, and neither lost nor charged twice when a claim stops half-way.
 */
class PointsPricedClaimTest extends OfferServiceTest {

    private static final long PRICE = 300;

    @Autowired
    PointsLedger ledger;

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
    void claimSpendsThePointsPriceOnce() {
        String offerId = reward(5);
        String member = memberWith(500);
        String key = newKey();

        String couponId = claim(member, offerId, key)
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("id")
                .toString();
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
        assertThat(stock.remaining(offerId).block()).isEqualTo(5);
        assertThat(slotCount(offerId, member)).isZero();
        assertThat(steps.find(member, key).block().state()).isEqualTo(ClaimState.RELEASED);
        expectProblem(claim(member, offerId, key), 409, "insufficient-points");
    }

    @Test
    void pointsAreRefundedWhenTheClaimFailsAfterTheSpend() {
        String offerId = reward(1);
        String member = memberWith(500);
        String key = newKey();
        crashes.crashAfter(Step.POINTS_SPENT);

        expectProblem(claim(member, offerId, key), 503, "claim-incomplete");
        crashes.clear();
        assertThat(balance(member)).as("spent, then the claim stopped").isEqualTo(200);

        clock.advance(steps.lease().plusSeconds(1));
        recovery.runOnce().block();
        recovery.runOnce().block();

        assertThat(balance(member)).as("refunded exactly once").isEqualTo(500);
        assertThat(refunds(member)).isEqualTo(1);
        assertThat(steps.find(member, key).block().state()).isEqualTo(ClaimState.RELEASED);
        assertThat(stock.remaining(offerId).block()).isEqualTo(1);
        assertThat(slotCount(offerId, member)).isZero();
        assertThat(couponCount(offerId)).isZero();
    }

    @Test
    void paidClaimStoppedBeforeItsCouponIsFinishedWithoutRefund() {
        String offerId = reward(1);
        String member = memberWith(500);
        String key = newKey();
        crashes.crashAfter(Step.PAID);

        expectProblem(claim(member, offerId, key), 503, "claim-incomplete");
        crashes.clear();
        clock.advance(steps.lease().plusSeconds(1));
        recovery.runOnce().block();
        recovery.runOnce().block();

        assertThat(couponCount(offerId)).isEqualTo(1);
        assertThat(balance(member)).as("charged once, not refunded").isEqualTo(200);
        assertThat(refunds(member)).isZero();
        assertThat(steps.find(member, key).block().state()).isEqualTo(ClaimState.ISSUED);
    }

    @Test
    void claimStoppedBeforeTheSpendIsRolledBackWithoutTouchingPoints() {
        String offerId = reward(1);
        String member = memberWith(500);
        crashes.crashAfter(Step.STOCK_TAKEN);

        expectProblem(claim(member, offerId, newKey()), 503, "claim-incomplete");
        crashes.clear();
        clock.advance(steps.lease().plusSeconds(1));
        recovery.runOnce().block();

        assertThat(balance(member)).isEqualTo(500);
        assertThat(refunds(member)).isZero();
        assertThat(stock.remaining(offerId).block()).isEqualTo(1);
    }

    @Test
    void requestThatStalledPastItsLeaseRefundsASpendMadeAfterTheRollback() {
        String offerId = reward(1);
        String member = memberWith(500);
        String key = newKey();
        // The recovery job rolls the claim back (nothing spent yet, nothing to refund) while the
        // request stalls; then the request spends, finds its claim gone, and refunds.
        crashes.stallAfter(Step.STOCK_TAKEN, () -> {
            clock.advance(steps.lease().plusSeconds(1));
            return recovery.runOnce();
        });

        expectProblem(claim(member, offerId, key), 409, "claim-abandoned");

        assertThat(balance(member)).isEqualTo(500);
        assertThat(refunds(member)).isEqualTo(1);
        assertThat(stock.remaining(offerId).block()).isEqualTo(1);
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
}
