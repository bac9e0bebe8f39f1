package io.quanzi.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The CPU time each process of the run used between two readings: where a round's two cores went. The launcher holds
 * the embedded MongoDB; {@code bench} is the harness's own JVM (the load generator, or the raw baseline's client).
 */
record CpuUse(Map<String, Long> millis, double wallSeconds, String note) {

    /** The order the report lists the processes in. */
    static final List<String> PROCESSES =
            List.of("gateway", "member-service", "community-service", "offer-service", "launcher", "keycloak", "bench");

    /** CPU milliseconds per process so far, and when they were read. */
    record Reading(Map<String, Long> millis, long nanos) {}

    static CpuUse since(Reading before, Reading after, String note) {
        Map<String, Long> used = new TreeMap<>();
        after.millis().forEach((process, millis) -> {
            long delta = millis - before.millis().getOrDefault(process, 0L);
            if (delta > 0) {
                used.put(process, delta);
            }
        });
        return new CpuUse(used, (after.nanos() - before.nanos()) / 1e9, note);
    }

    long total() {
        return millis.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Cores kept busy on average over the readings' interval. */
    double cores() {
        return wallSeconds <= 0 ? 0 : total() / 1000.0 / wallSeconds;
    }

    /** Milliseconds of CPU per call, for one process. */
    double perCall(String process, int calls) {
        return calls == 0 ? 0 : millis.getOrDefault(process, 0L) / (double) calls;
    }

    String line(int calls) {
        String each = PROCESSES.stream()
                .filter(millis::containsKey)
                .map(process -> "%s %.2f".formatted(process, perCall(process, calls)))
                .collect(Collectors.joining(", "));
        return "CPU per call: %s; total %.2f ms (%.2f cores over %.1f s%s)"
                .formatted(
                        each,
                        calls == 0 ? 0 : total() / (double) calls,
                        cores(),
                        wallSeconds,
                        note.isBlank() ? "" : ", " + note);
    }
}
