package io.quanzi.member.offer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox relay works.
 *
 * @param enabled run the relay on a schedule (tests switch it off and call it directly)
 * @param interval pause between two sweeps
 * @param initialBackoff wait after the first failed attempt, doubled after each further one
 * @param maxBackoff the longest wait between two attempts
 * @param batchSize documents looked at per collection and sweep
 */
@ConfigurationProperties("quanzi.outbox")
public record OutboxProperties(
        Boolean enabled, Duration interval, Duration initialBackoff, Duration maxBackoff, Integer batchSize) {

    public OutboxProperties {
        enabled = enabled == null || enabled;
        interval = interval != null ? interval : Duration.ofSeconds(2);
        initialBackoff = initialBackoff != null ? initialBackoff : Duration.ofSeconds(2);
        maxBackoff = maxBackoff != null ? maxBackoff : Duration.ofMinutes(5);
        batchSize = batchSize != null ? batchSize : 100;
    }

    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = initialBackoff.multipliedBy(factor);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
