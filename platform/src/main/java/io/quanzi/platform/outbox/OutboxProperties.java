package io.quanzi.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox relay of every service ({@code quanzi.outbox.*}).
 *
 * @param enabled run the scheduled sweep and the prompt attempts (tests switch it off and call the relay directly)
 * @param interval pause between two sweeps
 * @param initialBackoff wait after the first failed attempt, doubled after each further one
 * @param maxBackoff the longest wait between two attempts
 * @param lease how long an attempt holds its entry: longer than a call can take (the clients' time limits are a few
 *     seconds), short enough that an entry whose attempt was lost (the instance died mid-call) is retried soon
 * @param batchSize documents read per collection and query
 * @param maxBatches batches one sweep reads per collection at most, so one sweep ends
 * @param inFlight documents delivered at once, prompt attempts and sweep each: a rush of writes must not turn into a
 *     thousand simultaneous calls that time out together and open the target's circuit
 * @param queue prompt attempts waiting at most; beyond it the sweep picks the entries up (they are due from the write)
 * @param metricsInterval how often the pending and oldest-age gauges are recounted
 */
@ConfigurationProperties("quanzi.outbox")
public record OutboxProperties(
        Boolean enabled,
        Duration interval,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration lease,
        Integer batchSize,
        Integer maxBatches,
        Integer inFlight,
        Integer queue,
        Duration metricsInterval) {

    public OutboxProperties {
        enabled = enabled == null || enabled;
        interval = interval != null ? interval : Duration.ofSeconds(1);
        initialBackoff = initialBackoff != null ? initialBackoff : Duration.ofSeconds(2);
        maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofMinutes(5);
        lease = lease != null ? lease : Duration.ofSeconds(10);
        batchSize = batchSize != null ? batchSize : 50;
        maxBatches = maxBatches != null ? maxBatches : 20;
        inFlight = inFlight != null ? inFlight : 8;
        queue = queue != null ? queue : 4096;
        metricsInterval = metricsInterval != null ? metricsInterval : Duration.ofSeconds(30);
    }

    /** The one back-off: {@code initialBackoff × 2^(attempts−1)}, at most {@code maxBackoff}. */
    public Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
