package io.quanzi.offer.coupon;

import io.quanzi.platform.load.AdmissionGate;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many claims may write at once. In a flash drop thousands of claims arrive within a second; if all of them
 * wrote at once, each one's round trips would interleave with everyone else's, every claim would take longer than the
 * gateway's time limit and almost none would finish. A few at a time, first come first served, finish at the speed
 * of the database; a claim that cannot start within {@code claim-wait} (below the gateway's 5 s limit) is answered
 * 503 {@code busy} with {@code Retry-After}, having written nothing.
 */
@Component
class ClaimAdmission {

    private final AdmissionGate gate;
    private final Duration maxWait;

    ClaimAdmission(
            @Value("${quanzi.coupons.max-concurrent-claims:16}") int maxConcurrent,
            @Value("${quanzi.coupons.max-queued-claims:1000}") int maxQueued,
            @Value("${quanzi.coupons.claim-wait:3s}") Duration maxWait) {
        this.gate = new AdmissionGate("claims", maxConcurrent, maxQueued, maxWait);
        this.maxWait = maxWait;
    }

    AdmissionGate gate() {
        return gate;
    }

    /** How long a claim may wait for its place (and a member's second tap for their first claim). */
    Duration maxWait() {
        return maxWait;
    }
}
