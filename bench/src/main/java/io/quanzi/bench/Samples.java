package io.quanzi.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Start, end and outcome of each timed call of one round, and the figures they give. */
final class Samples {

    private record Sample(long start, long end, int status) {}

    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();

    void record(long startNanos, long endNanos, int status) {
        samples.add(new Sample(startNanos, endNanos, status));
    }

    int size() {
        return samples.size();
    }

    /** Throughput over the whole round (first start to last end), latency percentiles, statuses, peak in flight. */
    record Figures(
            String name,
            int count,
            double seconds,
            double perSecond,
            double p50Ms,
            double p95Ms,
            double p99Ms,
            double maxMs,
            Map<Integer, Integer> statuses,
            int maxInFlight) {

        String line() {
            return "%-34s n=%5d  %8.0f/s  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  in flight ≤%4d  %s"
                    .formatted(name, count, perSecond, p50Ms, p95Ms, p99Ms, maxMs, maxInFlight, statuses);
        }
    }

    Figures figures(String name) {
        Sample[] all = samples.toArray(Sample[]::new);
        if (all.length == 0) {
            return new Figures(name, 0, 0, 0, 0, 0, 0, 0, Map.of(), 0);
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        long[] latencies = new long[all.length];
        Map<Integer, Integer> statuses = new TreeMap<>();
        long[] events = new long[all.length * 2];
        for (int i = 0; i < all.length; i++) {
            Sample s = all[i];
            first = Math.min(first, s.start());
            last = Math.max(last, s.end());
            latencies[i] = s.end() - s.start();
            statuses.merge(s.status(), 1, Integer::sum);
            // Ends sort before starts at the same instant: (time << 1) | 1 for a start, | 0 for an end.
            events[2 * i] = (s.start() << 1) | 1;
            events[2 * i + 1] = s.end() << 1;
        }
        Arrays.sort(latencies);
        Arrays.sort(events);
        int inFlight = 0;
        int maxInFlight = 0;
        for (long event : events) {
            inFlight += (event & 1) == 1 ? 1 : -1;
            maxInFlight = Math.max(maxInFlight, inFlight);
        }
        double seconds = (last - first) / 1e9;
        return new Figures(
                name,
                all.length,
                seconds,
                all.length / seconds,
                percentile(latencies, 0.50),
                percentile(latencies, 0.95),
                percentile(latencies, 0.99),
                latencies[latencies.length - 1] / 1e6,
                statuses,
                maxInFlight);
    }

    static double percentile(long[] sortedNanos, double quantile) {
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
    }
}
