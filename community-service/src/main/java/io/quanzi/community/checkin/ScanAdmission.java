package io.quanzi.community.checkin;

import io.quanzi.platform.load.AdmissionGate;
import io.quanzi.platform.problem.Problem;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How many online scans may be recorded at once. At an event's door a queue of members is scanned within minutes;
 * if every scan of a rush read and wrote at once, the last ones would take longer than the gateway's time limit, be
 * cut off and count against its circuit breaker. A bounded number at a time, first come first served; a scan that
 * cannot start within {@code scan-wait} (below the gateway's 5 s limit; at once when the queue ahead is longer than
 * that at the present pace) is answered 503 {@code busy} with {@code Retry-After}, having recorded nothing, so the
 * clerk scans it again. A scan is two reads and one insert, so more run together than claims (six writes each): in
 * the bench's rush 16 at once recorded 310-459 of 1,000 scans, 64 at once 481-597, as many as with no bound.
 */
@Component
class ScanAdmission {

    private final AdmissionGate gate;

    ScanAdmission(
            @Value("${quanzi.community.checkin.max-concurrent-scans:64}") int maxConcurrent,
            @Value("${quanzi.community.checkin.max-queued-scans:1000}") int maxQueued,
            @Value("${quanzi.community.checkin.scan-wait:3s}") Duration maxWait) {
        this.gate = new AdmissionGate("scans", maxConcurrent, maxQueued, maxWait);
    }

    /** Runs the scan once admitted; 503 {@code busy} if it could not start in time. */
    <T> Mono<T> admit(Mono<T> scan) {
        return gate.admit(scan)
                .onErrorMap(
                        AdmissionGate.AdmissionRefused.class,
                        refused -> Problem.busy("Too many scans are being recorded right now; this one was not."
                                + " Scan the code again in a moment."));
    }

    AdmissionGate gate() {
        return gate;
    }
}
