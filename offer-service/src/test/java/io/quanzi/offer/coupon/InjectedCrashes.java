package io.quanzi.offer.coupon;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Stops claims at a chosen step, the way a crash of the process there would, or runs something
 * else at that step (the recovery job, while the claim's request stalls).
 */
@Component
class InjectedCrashes implements ClaimCheckpoint {

    private final AtomicReference<Step> crashAfter = new AtomicReference<>();
    private final AtomicReference<Step> stallAfter = new AtomicReference<>();
    private final AtomicReference<Supplier<Mono<?>>> meanwhile = new AtomicReference<>();
    private final AtomicReference<Step> holdAfter = new AtomicReference<>();
    private final AtomicReference<Sinks.Empty<Void>> held = new AtomicReference<>();
    private final AtomicInteger holding = new AtomicInteger();

    void crashAfter(Step step) {
        crashAfter.set(step);
    }

    /** At {@code step}, runs {@code action} to its end before the claim goes on. */
    void stallAfter(Step step, Supplier<Mono<?>> action) {
        meanwhile.set(action);
        stallAfter.set(step);
    }

    /** Every claim that reaches {@code step} waits there until {@link #releaseHeld()}. */
    void holdAfter(Step step) {
        held.set(Sinks.empty());
        holdAfter.set(step);
    }

    /** How many claims wait at the held step now. */
    int holding() {
        return holding.get();
    }

    void releaseHeld() {
        holdAfter.set(null);
        Sinks.Empty<Void> release = held.getAndSet(null);
        if (release != null) {
            release.tryEmitEmpty();
        }
    }

    void clear() {
        crashAfter.set(null);
        stallAfter.set(null);
        meanwhile.set(null);
        releaseHeld();
    }

    @Override
    public Mono<Void> reached(Step step, String claimId) {
        if (step == crashAfter.get()) {
            return Mono.error(new IllegalStateException("Injected crash after " + step + " of claim " + claimId));
        }
        Sinks.Empty<Void> hold = held.get();
        if (step == holdAfter.get() && hold != null) {
            return hold.asMono()
                    .doOnSubscribe(waiting -> holding.incrementAndGet())
                    .doFinally(signal -> holding.decrementAndGet());
        }
        if (step == stallAfter.get()) {
            stallAfter.set(null);
            return meanwhile.get().get().then();
        }
        return Mono.empty();
    }
}
