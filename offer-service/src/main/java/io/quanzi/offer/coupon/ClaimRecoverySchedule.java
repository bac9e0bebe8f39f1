package io.quanzi.offer.coupon;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs the claim recovery every {@code quanzi.coupons.recovery.interval} (default 30 s), one run at a time, while
 * the application runs. Switched off with {@code quanzi.coupons.recovery.enabled=false}, independently of the points
 * jobs' own switch: this schedule does not use {@code @EnableScheduling}, which would turn on every
 * {@code @Scheduled} job of the service.
 */
@Component
@ConditionalOnProperty(name = "quanzi.coupons.recovery.enabled", havingValue = "true", matchIfMissing = true)
class ClaimRecoverySchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClaimRecoverySchedule.class);

    private final ClaimRecovery recovery;
    private final Duration interval;
    private volatile Disposable running;

    ClaimRecoverySchedule(ClaimRecovery recovery, @Value("${quanzi.coupons.recovery.interval:30s}") Duration interval) {
        this.recovery = recovery;
        this.interval = interval;
    }

    @Override
    public void start() {
        running = Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> recovery.runOnce().onErrorResume(failure -> {
                    log.error("Claim recovery run failed; the next run starts over", failure);
                    return Mono.just(0L);
                }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        if (current != null) {
            current.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }
}
