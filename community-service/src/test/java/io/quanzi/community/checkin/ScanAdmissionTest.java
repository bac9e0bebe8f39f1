package io.quanzi.community.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanzi.platform.problem.Problem;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ScanAdmissionTest {

    @Test
    void aScanThatCannotStartIsAnsweredBusyAndNeverRuns() {
        ScanAdmission admission = new ScanAdmission(1, 0, Duration.ofSeconds(3));
        Disposable running = admission.admit(Mono.never()).subscribe();
        AtomicInteger started = new AtomicInteger();

        StepVerifier.create(admission.admit(Mono.fromCallable(started::incrementAndGet)))
                .expectErrorSatisfies(refused -> assertThat(refused).isInstanceOfSatisfying(Problem.class, busy -> {
                    assertThat(busy.getStatusCode().value()).isEqualTo(503);
                    assertThat(busy.getBody().getType()).hasToString("urn:quanzi:problem:busy");
                    assertThat(busy.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                            .isEqualTo("1");
                }))
                .verify(Duration.ofSeconds(1));

        assertThat(started).hasValue(0);
        running.dispose();
        assertThat(admission.gate().running()).isOne(); // started work runs to its end, whatever the caller does
    }

    @Test
    void aScanAdmittedRunsAndAnswers() {
        ScanAdmission admission = new ScanAdmission(1, 10, Duration.ofSeconds(3));

        StepVerifier.create(admission.admit(Mono.just("checked in")))
                .expectNext("checked in")
                .verifyComplete();
        assertThat(admission.gate().running()).isZero();
    }
}
