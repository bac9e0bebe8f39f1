package io.quanzi.platform.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.platform.load.AdmissionGate.AdmissionRefused;
import io.quanzi.platform.load.AdmissionGate.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class AdmissionGateTest {

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

    @AfterEach
    void stopTime() {
        time.dispose();
    }

    private AdmissionGate gate(int maxConcurrent, int maxQueued) {
        return new AdmissionGate("test", maxConcurrent, maxQueued, Duration.ofSeconds(3), time);
    }

    /** Work that records when it starts and ends when the test says so. */
    private static final class Step {
        final Sinks.One<String> end = Sinks.one();
        final AtomicInteger started = new AtomicInteger();
        final Mono<String> work;

        Step(String name, List<String> starts) {
            work = Mono.defer(() -> {
                started.incrementAndGet();
                starts.add(name);
                return end.asMono();
            });
        }

        void finish(String value) {
            end.tryEmitValue(value);
        }
    }

    @Test
    void runsAtMostMaxConcurrentAtOnceAndStartsTheWaitersInArrivalOrder() {
        AdmissionGate gate = gate(2, 10);
        List<String> starts = new CopyOnWriteArrayList<>();
        List<Step> steps = new ArrayList<>();
        List<String> outcomes = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 6; i++) {
            Step step = new Step("w" + i, starts);
            steps.add(step);
            gate.admit(step.work).subscribe(outcomes::add);
        }
        assertThat(starts).containsExactly("w0", "w1");
        assertThat(gate.running()).isEqualTo(2);
        assertThat(gate.queued()).isEqualTo(4);

        steps.get(1).finish("r1");
        assertThat(starts).containsExactly("w0", "w1", "w2");
        steps.get(0).finish("r0");
        steps.get(2).finish("r2");
        assertThat(starts).containsExactly("w0", "w1", "w2", "w3", "w4");
        steps.get(4).finish("r4");
        steps.get(3).finish("r3");
        steps.get(5).finish("r5");

        assertThat(starts).containsExactly("w0", "w1", "w2", "w3", "w4", "w5");
        assertThat(outcomes).containsExactly("r1", "r0", "r2", "r4", "r3", "r5");
        assertThat(gate.running()).isZero();
        assertThat(gate.queued()).isZero();
    }

    @Test
    void aFullQueueRefusesAtOnceAndTheRefusedWorkNeverStarts() {
        AdmissionGate gate = gate(1, 2);
        List<String> starts = new CopyOnWriteArrayList<>();
        Step running = new Step("running", starts);
        gate.admit(running.work).subscribe();
        gate.admit(new Step("q1", starts).work).subscribe();
        gate.admit(new Step("q2", starts).work).subscribe();
        Step refused = new Step("refused", starts);

        StepVerifier.create(gate.admit(refused.work))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOfSatisfying(AdmissionRefused.class, r -> assertThat(r.reason())
                                .isEqualTo(Reason.QUEUE_FULL)))
                .verify(Duration.ofSeconds(1));

        running.finish("done");
        assertThat(starts).containsExactly("running", "q1");
        assertThat(refused.started).hasValue(0);
    }

    @Test
    void aWaiterThatCannotStartWithinTheBudgetIsRefusedAndItsWorkNeverStarts() {
        AdmissionGate gate = gate(1, 10);
        List<String> starts = new CopyOnWriteArrayList<>();
        Step running = new Step("running", starts);
        gate.admit(running.work).subscribe();
        Step late = new Step("late", starts);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        gate.admit(late.work).subscribe(value -> {}, failures::add);

        time.advanceTimeBy(Duration.ofMillis(2_999));
        assertThat(failures).isEmpty();
        time.advanceTimeBy(Duration.ofMillis(1));

        assertThat(failures).singleElement().isInstanceOfSatisfying(AdmissionRefused.class, r -> assertThat(r.reason())
                .isEqualTo(Reason.WAITED_TOO_LONG));
        assertThat(gate.queued()).isZero();
        running.finish("done");
        assertThat(late.started).hasValue(0);
        assertThat(gate.running()).isZero();
    }

    @Test
    void aCallerWhoWouldWaitLongerThanItsBudgetAtThePresentPaceIsRefusedOnArrival() {
        AdmissionGate gate = gate(1, 10);
        List<String> starts = new CopyOnWriteArrayList<>();
        Step paceSetter = new Step("pace", starts);
        gate.admit(paceSetter.work).subscribe();
        time.advanceTimeBy(Duration.ofSeconds(2));
        paceSetter.finish("done"); // the work now takes 2 s, and the budget is 3 s

        Step running = new Step("running", starts);
        gate.admit(running.work).subscribe();
        List<Object> next = new CopyOnWriteArrayList<>();
        Step first = new Step("first", starts);
        gate.admit(first.work).subscribe(next::add, next::add); // starts in about 2 s: may wait
        Step second = new Step("second", starts);
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        gate.admit(second.work).subscribe(value -> {}, refused::add); // about 4 s: refused now

        assertThat(refused).singleElement().isInstanceOfSatisfying(AdmissionRefused.class, r -> assertThat(r.reason())
                .isEqualTo(Reason.WOULD_WAIT_TOO_LONG));
        assertThat(gate.queued()).isOne();
        time.advanceTimeBy(Duration.ofSeconds(2));
        running.finish("done");
        first.finish("first done");
        assertThat(next).containsExactly("first done");
        assertThat(starts).containsExactly("pace", "running", "first");
        assertThat(second.started).hasValue(0);
    }

    @Test
    void withoutAPaceYetNobodyIsRefusedBeforeTheirBudgetRunsOut() {
        AdmissionGate gate = gate(1, 10);
        List<String> starts = new CopyOnWriteArrayList<>();
        gate.admit(new Step("running", starts).work).subscribe();
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 5; i++) {
            gate.admit(new Step("w" + i, starts).work).subscribe(value -> {}, refused::add);
        }

        assertThat(refused).isEmpty();
        assertThat(gate.queued()).isEqualTo(5);
    }

    @Test
    void aCallerMayBringAWaitBudgetOfItsOwn() {
        AdmissionGate gate = gate(1, 10);
        List<String> starts = new CopyOnWriteArrayList<>();
        Step running = new Step("running", starts);
        gate.admit(running.work).subscribe();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        gate.admit(new Step("short", starts).work, Duration.ofMillis(500)).subscribe(value -> {}, failures::add);

        StepVerifier.create(gate.admit(new Step("none", starts).work, Duration.ZERO))
                .expectError(AdmissionRefused.class)
                .verify(Duration.ofSeconds(1));
        time.advanceTimeBy(Duration.ofMillis(500));

        assertThat(failures).singleElement().isInstanceOf(AdmissionRefused.class);
        running.finish("done");
        assertThat(starts).containsExactly("running");
    }

    @Test
    void aWaiterStartedInTimeIsNotRefusedLater() {
        AdmissionGate gate = gate(1, 10);
        List<String> starts = new CopyOnWriteArrayList<>();
        Step first = new Step("first", starts);
        Step second = new Step("second", starts);
        gate.admit(first.work).subscribe();
        List<Object> outcomes = new CopyOnWriteArrayList<>();
        gate.admit(second.work).subscribe(outcomes::add, outcomes::add);

        time.advanceTimeBy(Duration.ofSeconds(1));
        first.finish("one");
        time.advanceTimeBy(Duration.ofSeconds(10));
        second.finish("two");

        assertThat(outcomes).containsExactly("two");
    }

    @Test
    void startedWorkRunsToItsEndWhenTheCallerCancelsAndHoldsItsPermitUntilThen() {
        AdmissionGate gate = gate(1, 10);
        List<String> starts = new CopyOnWriteArrayList<>();
        AtomicInteger cancelledWork = new AtomicInteger();
        AtomicInteger completedWork = new AtomicInteger();
        Step running = new Step("running", starts);
        Disposable caller = gate.admit(running.work
                        .doOnCancel(cancelledWork::incrementAndGet)
                        .doOnSuccess(value -> completedWork.incrementAndGet()))
                .subscribe();
        Step next = new Step("next", starts);
        gate.admit(next.work).subscribe();

        caller.dispose();
        assertThat(cancelledWork).as("the cancel does not reach started work").hasValue(0);
        assertThat(gate.running()).as("the permit is held until the work ends").isEqualTo(1);
        assertThat(starts).containsExactly("running");

        running.finish("done");
        assertThat(completedWork).hasValue(1);
        assertThat(starts).containsExactly("running", "next");
    }

    @Test
    void aCallerThatCancelsWhileQueuedLeavesTheQueueAndItsWorkNeverStarts() {
        AdmissionGate gate = gate(1, 10);
        List<String> starts = new CopyOnWriteArrayList<>();
        Step running = new Step("running", starts);
        gate.admit(running.work).subscribe();
        Step gone = new Step("gone", starts);
        Disposable goneCaller = gate.admit(gone.work).subscribe();
        Step after = new Step("after", starts);
        gate.admit(after.work).subscribe();

        goneCaller.dispose();
        assertThat(gate.queued()).isEqualTo(1);
        running.finish("done");

        assertThat(starts).containsExactly("running", "after");
        assertThat(gone.started).hasValue(0);
    }

    @Test
    void failuresOfTheWorkReachTheCallerAndFreeThePermit() {
        AdmissionGate gate = gate(1, 10);
        StepVerifier.create(gate.admit(Mono.error(new IllegalStateException("boom"))))
                .expectErrorMessage("boom")
                .verify(Duration.ofSeconds(1));
        StepVerifier.create(gate.admit(Mono.just("next"))).expectNext("next").verifyComplete();
        assertThat(gate.running()).isZero();
    }

    @Test
    void manyWaitersWhoseWorkEndsAtOnceDrainWithoutDeepRecursion() {
        AdmissionGate gate = gate(1, 20_000);
        List<String> starts = new CopyOnWriteArrayList<>();
        Step first = new Step("first", starts);
        gate.admit(first.work).subscribe();
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 20_000; i++) {
            gate.admit(Mono.just(i)).subscribe(value -> done.incrementAndGet());
        }
        first.finish("done");
        assertThat(done).hasValue(20_000);
        assertThat(gate.running()).isZero();
    }

    @Test
    void theWorkSeesTheCallersContext() {
        AdmissionGate gate = gate(1, 10);
        StepVerifier.create(gate.admit(Mono.deferContextual(context -> Mono.just(context.get("requestId"))))
                        .contextWrite(context -> context.put("requestId", "r-1")))
                .expectNext("r-1")
                .verifyComplete();
    }
}
