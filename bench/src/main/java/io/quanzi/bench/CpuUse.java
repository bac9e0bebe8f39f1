package io.quanzi.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The CPU time each process of the run used between two readings: where a round's two cores went. The launcher holds
 * the embedded MongoDB; {@code bench} is the harness's own JVM (the load generator, or the raw baseline's client).
 */
record CpuUse(Map<String, Long> millis, Map<String, Pauses> pauses, double wallSeconds, String note) {

    /** The order the report lists the processes in. */
    static final List<String> PROCESSES =
            List.of("gateway", "member-service", "community-service", "offer-service", "launcher", "keycloak", "bench");

    /**
     * A JVM's garbage collections: the seconds its threads stood still for them (the serial collector stops the whole
     * app), and how many young and full ones.
     */
    record Pauses(double seconds, long young, long full) {

        static final Pauses NONE = new Pauses(0, 0, 0);

        Pauses plus(Pauses other) {
            return new Pauses(seconds + other.seconds, young + other.young, full + other.full);
        }

        Pauses minus(Pauses earlier) {
            return new Pauses(seconds - earlier.seconds, young - earlier.young, full - earlier.full);
        }

        @Override
        public String toString() {
            return "%.2f s (%d young, %d full)".formatted(seconds, young, full);
        }
    }

    /** CPU milliseconds and collections per process so far, and when they were read. */
    record Reading(Map<String, Long> millis, Map<String, Pauses> pauses, long nanos) {}

    static CpuUse since(Reading before, Reading after, String note) {
        Map<String, Long> used = new TreeMap<>();
        after.millis().forEach((process, millis) -> {
            long delta = millis - before.millis().getOrDefault(process, 0L);
            if (delta > 0) {
                used.put(process, delta);
            }
        });
        Map<String, Pauses> collected = new TreeMap<>();
        after.pauses().forEach((process, pauses) -> {
            Pauses delta = pauses.minus(before.pauses().getOrDefault(process, Pauses.NONE));
            if (delta.young() + delta.full() > 0) {
                collected.put(process, delta);
            }
        });
        return new CpuUse(used, collected, (after.nanos() - before.nanos()) / 1e9, note);
    }

    /** The collections of the round, by process in report order: {@code "offer-service 2.61 s (21 young, 4 full)"}. */
    String pausesLine() {
        String each = PROCESSES.stream()
                .filter(pauses::containsKey)
                .map(process -> process + " " + pauses.get(process))
                .collect(Collectors.joining(", "));
        return each.isEmpty() ? "none" : each;
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
        return "CPU per call: %s; total %.2f ms (%.2f cores over %.1f s%s); collections: %s"
                .formatted(
                        each,
                        calls == 0 ? 0 : total() / (double) calls,
                        cores(),
                        wallSeconds,
                        note.isBlank() ? "" : ", " + note,
                        pausesLine());
    }
}
