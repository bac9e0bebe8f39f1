package io.quanzi.offer.coupon;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stops claims at a chosen step, the way a crash of the process there would, or runs something
 * else at that step (the recovery job, while the claim's request stalls).
 */
@Component
class InjectedCrashes implements ClaimCheckpoint {

    private final AtomicReference<Step> crashAfter = new AtomicReference<>();
    private final AtomicReference<Step> stallAfter = new AtomicReference<>();
    private final AtomicReference<Supplier<Mono<?>>> meanwhile = new AtomicReference<>();

    void crashAfter(Step step) {
        crashAfter.set(step);
    }

    /** At {@code step}, runs {@code action} to its end before the claim goes on. */
    void stallAfter(Step step, Supplier<Mono<?>> action) {
        meanwhile.set(action);
        stallAfter.set(step);
    }

    void clear() {
        crashAfter.set(null);
        stallAfter.set(null);
        meanwhile.set(null);
    }

    @Override
    public Mono<Void> reached(Step step, String claimId) {
        if (step == crashAfter.get()) {
            return Mono.error(new IllegalStateException("Injected crash after " + step + " of claim " + claimId));
        }
        if (step == stallAfter.get()) {
            stallAfter.set(null);
            return meanwhile.get().get().then();
        }
        return Mono.empty();
    }
}
