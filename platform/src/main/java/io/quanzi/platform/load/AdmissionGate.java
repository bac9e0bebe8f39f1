package io.quanzi.platform.load;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.ContextView;

/**
 * Admission control for work that must not be cut off half-way: at most {@code maxConcurrent} pieces of work run at
 * once, the others wait in first-come first-served order, at most {@code maxQueued} of them and each at most {@code
 * maxWait}. A caller that cannot start in time, or finds the queue full, gets an {@link AdmissionRefused} at once,
 * and its work never starts.
 *
 * <p>A caller who would have to wait longer than its budget is told so on arrival, not when the budget has run out:
 * the gate keeps a moving average of how long its work takes, and a caller with more waiters ahead of it than can
 * start within its budget at that pace is refused at once ({@link Reason#WOULD_WAIT_TOO_LONG}). In a burst the
 * excess is then answered in milliseconds, and the callers who are admitted are those who will start in time; the
 * budget's timer stays as the backstop for work that slows down meanwhile.
 *
 * <p>Once started, the work runs to its end even if the caller cancels (a client gone, a gateway time limit): it is
 * subscribed by the gate, not by the caller, and its permit is released when it ends. A caller still waiting gets its
 * outcome. A caller that cancels while queued simply leaves the queue. Nothing blocks a thread: waiting is a queued
 * callback, and the wait budget a timer.
 *
 * <p>Resilience4j's reactive bulkhead does not fit: with a wait duration above zero its semaphore parks the
 * subscribing thread (resilience4j issue 1592), and without one it refuses at once instead of queueing.
 */
public final class AdmissionGate {

    /** Why work was not admitted. */
    public enum Reason {
        QUEUE_FULL,
        WAITED_TOO_LONG,
        /** More waiters ahead than can start within the caller's budget at the pace the work goes now. */
        WOULD_WAIT_TOO_LONG
    }

    /** The work was not started, so it changed nothing. Carries no stack trace: it is an answer, not a bug. */
    public static final class AdmissionRefused extends RuntimeException {

        private final Reason reason;

        AdmissionRefused(String gate, Reason reason) {
            super(gate + ": " + describe(reason), null, false, false);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }

        private static String describe(Reason reason) {
            return switch (reason) {
                case QUEUE_FULL -> "queue full";
                case WAITED_TOO_LONG -> "waited too long";
                case WOULD_WAIT_TOO_LONG -> "would wait too long";
            };
        }
    }

    /** Weight of the newest duration in the moving average: 1/8, so a burst's pace shows within a few pieces. */
    private static final int AVERAGE_WEIGHT = 8;

    private final String name;
    private final int maxConcurrent;
    private final int maxQueued;
    private final Duration maxWait;
    private final Scheduler timer;

    /** The waiters in arrival order; it also guards {@link #running}. */
    private final ArrayDeque<Waiter<?>> queue = new ArrayDeque<>();

    private int running;
    /** Moving average of how long a piece of work ran, in nanoseconds; 0 until one has ended. */
    private long averageNanos;

    private final AtomicInteger drains = new AtomicInteger();

    public AdmissionGate(String name, int maxConcurrent, int maxQueued, Duration maxWait) {
        this(name, maxConcurrent, maxQueued, maxWait, Schedulers.parallel());
    }

    public AdmissionGate(String name, int maxConcurrent, int maxQueued, Duration maxWait, Scheduler timer) {
        if (maxConcurrent < 1 || maxQueued < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("maxConcurrent >= 1, maxQueued >= 0 and maxWait >= 0 are needed");
        }
        this.name = name;
        this.maxConcurrent = maxConcurrent;
        this.maxQueued = maxQueued;
        this.maxWait = maxWait;
        this.timer = timer;
    }

    /**
     * Runs {@code work} once admitted and emits its outcome; {@link AdmissionRefused} if it could not start. The work
     * sees the caller's Reactor context.
     */
    public <T> Mono<T> admit(Mono<T> work) {
        return admit(work, maxWait);
    }

    /**
     * As {@link #admit(Mono)}, with a wait budget of its own for this caller (what is left of a larger budget, say);
     * zero or less refuses at once unless a permit is free.
     */
    public <T> Mono<T> admit(Mono<T> work, Duration maxWait) {
        return Mono.deferContextual(context -> {
            Waiter<T> waiter = new Waiter<>(work, context);
            Reason refused = enter(waiter, maxWait);
            if (refused != null) {
                return Mono.error(new AdmissionRefused(name, refused));
            }
            drain();
            if (waiter.state.get() == Waiter.WAITING) {
                waiter.timeout.set(timer.schedule(() -> expire(waiter), maxWait.toNanos(), TimeUnit.NANOSECONDS));
                if (waiter.state.get() != Waiter.WAITING) {
                    waiter.cancelTimeout(); // started meanwhile
                }
            }
            return waiter.result.asMono().doOnCancel(() -> leave(waiter));
        });
    }

    /** Pieces of work running now. */
    public int running() {
        synchronized (queue) {
            return running;
        }
    }

    /** Callers waiting now. */
    public int queued() {
        synchronized (queue) {
            return queue.size();
        }
    }

    private Reason enter(Waiter<?> waiter, Duration maxWait) {
        synchronized (queue) {
            // A free permit still goes through the queue, so that every start happens in drain(), outside the lock.
            if (running >= maxConcurrent || !queue.isEmpty()) {
                if (queue.size() >= maxQueued) {
                    return Reason.QUEUE_FULL;
                }
                if (maxWait.isZero() || maxWait.isNegative()) {
                    return Reason.WAITED_TOO_LONG;
                }
                if (expectedWaitNanos() > maxWait.toNanos()) {
                    return Reason.WOULD_WAIT_TOO_LONG;
                }
            }
            queue.addLast(waiter);
            return null;
        }
    }

    /**
     * How long a newcomer would wait at the present pace: the waiters ahead start {@code maxConcurrent} at a time, one
     * average duration apart, and the newcomer with the next group. Called under the lock.
     */
    private long expectedWaitNanos() {
        long groupsAhead = queue.size() / maxConcurrent + 1;
        return groupsAhead * averageNanos;
    }

    private void expire(Waiter<?> waiter) {
        if (waiter.state.compareAndSet(Waiter.WAITING, Waiter.GONE)) {
            synchronized (queue) {
                queue.remove(waiter);
            }
            waiter.result.tryEmitError(new AdmissionRefused(name, Reason.WAITED_TOO_LONG));
        }
    }

    private void leave(Waiter<?> waiter) {
        if (waiter.state.compareAndSet(Waiter.WAITING, Waiter.GONE)) {
            synchronized (queue) {
                queue.remove(waiter);
            }
            waiter.cancelTimeout();
        }
        // Already started: the work goes on to its end, only its outcome is no longer wanted.
    }

    private void finished(long startedNanos) {
        long took = Math.max(0, timer.now(TimeUnit.NANOSECONDS) - startedNanos);
        synchronized (queue) {
            running--;
            averageNanos = averageNanos == 0 ? took : averageNanos + (took - averageNanos) / AVERAGE_WEIGHT;
        }
        drain();
    }

    /** Starts waiters while permits are free. Trampolined: work that ends at once does not recurse. */
    private void drain() {
        if (drains.getAndIncrement() != 0) {
            return;
        }
        do {
            while (true) {
                Waiter<?> next;
                synchronized (queue) {
                    if (running >= maxConcurrent || queue.isEmpty()) {
                        break;
                    }
                    next = queue.pollFirst();
                    if (!next.state.compareAndSet(Waiter.WAITING, Waiter.STARTED)) {
                        continue; // timed out or cancelled meanwhile
                    }
                    running++;
                }
                next.cancelTimeout();
                start(next);
            }
        } while (drains.decrementAndGet() != 0);
    }

    private <T> void start(Waiter<T> waiter) {
        long startedNanos = timer.now(TimeUnit.NANOSECONDS);
        Mono<T> work;
        try {
            work = waiter.work.contextWrite(waiter.context);
        } catch (RuntimeException failure) {
            waiter.result.tryEmitError(failure);
            finished(startedNanos);
            return;
        }
        // Subscribed here, not by the caller: a caller's cancel cannot reach it.
        work.doFinally(signal -> finished(startedNanos))
                .subscribe(
                        value -> waiter.result.tryEmitValue(value),
                        failure -> waiter.result.tryEmitError(failure),
                        () -> waiter.result.tryEmitEmpty());
    }

    private static final class Waiter<T> {

        static final int WAITING = 0;
        static final int STARTED = 1;
        static final int GONE = 2;

        final Mono<T> work;
        final ContextView context;
        final Sinks.One<T> result = Sinks.one();
        final AtomicInteger state = new AtomicInteger(WAITING);
        final AtomicReference<Disposable> timeout = new AtomicReference<>();

        Waiter(Mono<T> work, ContextView context) {
            this.work = work;
            this.context = context;
        }

        void cancelTimeout() {
            Disposable scheduled = timeout.getAndSet(null);
            if (scheduled != null) {
                scheduled.dispose();
            }
        }
    }
}
