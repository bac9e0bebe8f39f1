package io.quanzi.offer.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.offer.coupon.ClaimCheckpoint.Step;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The recovery job runs on its own schedule in a running app: nobody has to trigger it. */
@TestPropertySource(properties = {"quanzi.coupons.recovery.enabled=true", "quanzi.coupons.recovery.interval=200ms"})
class ClaimRecoveryScheduleTest extends StoppedClaimTest {

    @Test
    void scheduledRecoveryFinishesAStoppedClaim() {
        String offerId = lastUnitOffer();
        String member = newMemberId();
        String key = newKey();
        claimStoppedAfter(Step.PAID, member, offerId, key);

        leaseRunsOut();

        StepVerifier.create(Mono.defer(() -> steps.find(member, key))
                        .filter(claim -> claim.state() == ClaimState.ISSUED)
                        .repeatWhenEmpty(20, ticks -> ticks.delayElements(Duration.ofMillis(250))))
                .assertNext(claim -> assertThat(claim.couponId()).isNotNull())
                .verifyComplete();
    }
}
