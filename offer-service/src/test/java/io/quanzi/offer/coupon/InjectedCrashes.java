package io.quanzi.offer.coupon;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Stops claims at a chosen step, the way a crash of the process there would. */
@Component
class InjectedCrashes implements ClaimCheckpoint {

    private final AtomicReference<Step> crashAfter = new AtomicReference<>();

    void crashAfter(Step step) {
        crashAfter.set(step);
    }

    void clear() {
        crashAfter.set(null);
    }

    @Override
    public Mono<Void> reached(Step step, String claimId) {
        return step == crashAfter.get()
                ? Mono.error(new IllegalStateException("Injected crash after " + step + " of claim " + claimId))
                : Mono.empty();
    }
}
