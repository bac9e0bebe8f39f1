package io.quanzi.community.community;

import java.time.Duration;
import java.time.Instant;

/**
 * When an outbox entry that failed {@code attempts} times is tried again: 5 s × 2^attempts (10 s after the first
 * failure, then 20 s, 40 s…), at most 10 min.
 */
public final class OutboxBackoff {

    private static final Duration FIRST = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofMinutes(10);

    private OutboxBackoff() {}

    public static Instant next(Instant now, int attempts) {
        long factor = 1L << Math.min(Math.max(attempts, 0), 16);
        Duration wait = FIRST.multipliedBy(factor);
        return now.plus(wait.compareTo(MAX) > 0 ? MAX : wait);
    }
}
