package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.coupon.ClaimCheckpoint.Step;
import io.quanzi.offer.support.OfferServiceTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The recovery job runs on its own schedule in a running app: nobody has to trigger it. */
@TestPropertySource(properties = {"quanzi.coupons.recovery.enabled=true", "quanzi.coupons.recovery.interval=200ms"})
class ClaimRecoveryScheduleTest extends OfferServiceTest {

    @Autowired
    InjectedCrashes crashes;

    @Autowired
    ClaimSteps steps;

    @AfterEach
    void noMoreCrashes() {
        crashes.clear();
    }

    @Test
    void scheduledRecoveryFinishesAStoppedClaim() {
        Map<String, Object> body = offerBody();
        body.put("totalStock", 1);
        String offerId = createOffer(body);
        String member = newMemberId();
        String key = newKey();
        crashes.crashAfter(Step.PAID);
        expectProblem(claim(member, offerId, key), 503, "claim-incomplete");
        crashes.clear();

        clock.advance(steps.lease().plusSeconds(1));

        StepVerifier.create(Mono.defer(() -> steps.find(member, key))
                        .filter(claim -> claim.state() == ClaimState.ISSUED)
                        .repeatWhenEmpty(20, ticks -> ticks.delayElements(Duration.ofMillis(250))))
                .assertNext(claim -> assertThat(claim.couponId()).isNotNull())
                .verifyComplete();
    }
}
