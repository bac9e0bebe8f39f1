package io.quanzi.offer.coupon;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import reactor.core.publisher.Mono;

/** Runs the claim recovery every {@code quanzi.coupons.recovery.interval} (default 30 s). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "quanzi.coupons.recovery.enabled", havingValue = "true", matchIfMissing = true)
class ClaimRecoverySchedule {

    private final ClaimRecovery recovery;

    ClaimRecoverySchedule(ClaimRecovery recovery) {
        this.recovery = recovery;
    }

    @Scheduled(
            initialDelayString = "${quanzi.coupons.recovery.interval:30s}",
            fixedDelayString = "${quanzi.coupons.recovery.interval:30s}")
    Mono<Void> recoverStaleClaims() {
        // Called once; the scheduler subscribes to the returned Mono on every run.
        return recovery.runOnce().then();
    }
}
