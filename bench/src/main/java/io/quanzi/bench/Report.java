package io.quanzi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Collects each round's figures and writes them, the ratios against the targets, the invariants and the
 * machine into the harness's own block of {@code docs/benchmarks.md} (between two markers; the rest of the page —
 * before/after notes, flame graphs, other sections — is left as it is).
 */
final class Report {

    static final String BEGIN = "<!-- bench:latest-run:begin (written by bench/run.sh) -->";
    static final String END = "<!-- bench:latest-run:end -->";

    private record Row(String scenario, String label, Samples.Figures figures) {}

    private record CpuRow(Samples.Figures figures, CpuUse use) {}

    private final Path home;
    private final int members;
    private final int rounds;
    private final String args;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private final List<Invariants.PointsLag> lags = new ArrayList<>();
    private final List<CpuRow> cpu = new ArrayList<>();
    private int failures;
    private double coldStart;
    private Map<String, Long> idleByComponent = Map.of();
    private Map<String, Long> afterByComponent = Map.of();
    private long idleMb;
    private long afterMb;

    Report(Path home, int members, int rounds, String args) {
        this.home = home;
        this.members = members;
        this.rounds = rounds;
        this.args = args;
    }

    void startup(double seconds, long idle, Map<String, Long> byComponent) {
        coldStart = seconds;
        idleMb = idle;
        idleByComponent = byComponent;
    }

    void afterScenarios(long mb, Map<String, Long> byComponent) {
        afterMb = mb;
        afterByComponent = byComponent;
    }

    void add(String scenario, String label, Samples.Figures figures) {
        rows.add(new Row(scenario, label, figures));
    }

    void cpu(Samples.Figures figures, CpuUse use) {
        cpu.add(new CpuRow(figures, use));
        System.out.println("  " + use.line(figures.count()));
    }

    void lag(Invariants.PointsLag lag) {
        lags.add(lag);
        System.out.printf(
                "  points after scan: %d/%d applied, p50 %.2f s, p95 %.2f s, max %.2f s%n",
                lag.arrived(), lag.expected(), lag.p50Seconds(), lag.p95Seconds(), lag.maxSeconds());
    }

    void check(String round, Invariants.Verdict verdict) {
        for (String held : verdict.held()) {
            checks.add("- ✅ " + round + ": " + held);
        }
        for (String broken : verdict.broken()) {
            checks.add("- ❌ " + round + ": " + broken);
            System.out.println("  INVARIANT BROKEN in " + round + ": " + broken);
            failures++;
        }
    }

    int failures() {
        return failures;
    }

    /** Answers per second that count as served (any status below 500; failed connections excluded). */
    static double served(Samples.Figures f) {
        long good = f.statuses().entrySet().stream()
                .filter(e -> e.getKey() > 0 && e.getKey() < 500)
                .mapToLong(Map.Entry::getValue)
                .sum();
        return f.count() == 0 ? 0 : f.perSecond() * good / f.count();
    }

    private OptionalDouble mean(String scenario, String label) {
        return rows.stream()
                .filter(r -> r.scenario().equals(scenario) && r.label().equals(label))
                .mapToDouble(r -> served(r.figures()))
                .average();
    }

    private OptionalDouble meanP99(String scenario, String label) {
        return rows.stream()
                .filter(r -> r.scenario().equals(scenario) && r.label().equals(label))
                .mapToDouble(r -> r.figures().p99Ms())
                .average();
    }

    private String ratioRow(
            String what, String scenario, String label, String baseScenario, String baseLabel, double target) {
        OptionalDouble a = mean(scenario, label);
        OptionalDouble b = mean(baseScenario, baseLabel);
        if (a.isEmpty() || b.isEmpty() || b.getAsDouble() == 0) {
            return "| " + what + " | not run | ≥ " + target + " | — |";
        }
        double ratio = a.getAsDouble() / b.getAsDouble();
        return "| %s | %.0f/s ÷ %.0f/s = **%.2f** | ≥ %.2f | %s |"
                .formatted(
                        what,
                        a.getAsDouble(),
                        b.getAsDouble(),
                        ratio,
                        target,
                        verdict(ratio >= target, ratio / target));
    }

    private static String verdict(boolean met, double fraction) {
        return met ? "met" : "short (%.0f%% of target)".formatted(100 * fraction);
    }

    List<String> markdown() {
        List<String> out = new ArrayList<>();
        out.add(BEGIN);
        out.add("### Latest run of bench/run.sh");
        out.add("");
        out.add("- Date: " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        out.add("- Machine: " + machine());
        out.add("- Command: `bench/run.sh" + (args.isBlank() ? "" : " " + args) + "` (ports from `QUANZI_*_PORT`, "
                + members + " members, " + rounds + " measured rounds per scenario after a warm-up)");
        out.add("- Load: Gatling " + "open model (`rampUsers(n).during(window)`), one call per virtual user; baselines:"
                + " MongoDB sync driver, " + Raw.CONCURRENCY + " client threads, same embedded server, database"
                + " `quanzi-bench-raw`. Throughput counts answers below 500 over first start → last end.");
        out.add("");
        out.add("#### Ratios against the targets (means of the measured rounds)");
        out.add("");
        out.add("| path | measured | target | verdict |");
        out.add("|---|---|---|---|");
        out.add(ratioRow(
                "flash-drop claims vs raw conditional updates",
                "drop",
                "claims via gateway",
                "drop",
                "raw conditional updates",
                0.25));
        OptionalDouble dropP99 = meanP99("drop", "claims via gateway");
        out.add(
                dropP99.isEmpty()
                        ? "| flash-drop p99 | not run | ≤ 400 ms | — |"
                        : "| flash-drop p99 | %.0f ms | ≤ 400 ms | %s |"
                                .formatted(
                                        dropP99.getAsDouble(),
                                        verdict(dropP99.getAsDouble() <= 400, 400 / dropP99.getAsDouble())));
        out.add(ratioRow(
                "check-in scans vs raw unique inserts",
                "checkin",
                "scans via gateway",
                "checkin",
                "raw unique inserts",
                0.2));
        double worstP95 = lags.stream()
                .mapToDouble(Invariants.PointsLag::p95Seconds)
                .max()
                .orElse(Double.NaN);
        out.add(
                lags.isEmpty()
                        ? "| check-in → points p95 | not run | ≤ 3 s | — |"
                        : "| check-in → points p95 (worst round) | %.2f s | ≤ 3 s | %s |"
                                .formatted(worstP95, verdict(worstP95 <= 3, 3 / worstP95)));
        out.add(ratioRow(
                "points earn/reverse vs raw inserts", "points", "earn/reverse internal", "points", "raw inserts", 0.3));
        out.add(ratioRow(
                "`members/me` gateway vs direct",
                "gateway",
                "members/me gateway",
                "gateway",
                "members/me direct",
                0.8));
        out.add(ratioRow("public JWKS gateway vs direct", "gateway", "jwks gateway", "gateway", "jwks direct", 0.6));
        out.add(ratioRow(
                "direct `members/me` vs raw `findOne`",
                "gateway",
                "members/me direct",
                "gateway",
                "raw findOne by id",
                0.3));
        out.add("| cold start to all healthy | %.1f s | ≤ 30 s | %s |"
                .formatted(coldStart, verdict(coldStart <= 30, 30 / coldStart)));
        out.add("| resident memory idle | %d MB | ≤ 1536 MB | %s |"
                .formatted(idleMb, verdict(idleMb <= 1536, 1536.0 / idleMb)));
        out.add("| resident memory after the scenarios | %d MB | ≤ 2048 MB | %s |"
                .formatted(afterMb, verdict(afterMb <= 2048, 2048.0 / afterMb)));
        out.add("");
        out.add("Resident memory per component (MB), idle: " + idleByComponent + "; after the scenarios: "
                + afterByComponent + ".");
        out.add("");
        out.add("#### Every round");
        out.add("");
        out.add(
                "| scenario | round | calls | per s (served) | p50 ms | p95 ms | p99 ms | max ms | peak in flight | statuses |");
        out.add("|---|---|---|---|---|---|---|---|---|---|");
        for (Row row : rows) {
            Samples.Figures f = row.figures();
            out.add("| %s | %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %s |"
                    .formatted(
                            row.scenario(),
                            f.name(),
                            f.count(),
                            served(f),
                            f.p50Ms(),
                            f.p95Ms(),
                            f.p99Ms(),
                            f.maxMs(),
                            f.maxInFlight(),
                            f.statuses()));
        }
        out.add("");
        out.add("#### Check-in → points applied");
        out.add("");
        out.add("| round | applied | p50 s | p95 s | max s |");
        out.add("|---|---|---|---|---|");
        for (int i = 0; i < lags.size(); i++) {
            Invariants.PointsLag lag = lags.get(i);
            out.add("| %d | %d of %d | %.2f | %.2f | %.2f |"
                    .formatted(
                            i + 1,
                            lag.arrived(),
                            lag.expected(),
                            lag.p50Seconds(),
                            lag.p95Seconds(),
                            lag.maxSeconds()));
        }
        out.add("");
        out.add("#### CPU per call, by process (ms)");
        out.add("");
        out.add("Read from `/proc/<pid>/stat` before and after each round (user + system time); every call sent"
                + " counts, refused ones too. `launcher` holds the embedded MongoDB; `bench` is the harness's JVM:"
                + " Gatling, or the baseline's MongoDB client. A check-in round is read until its last points were"
                + " applied, so it includes the check-ins' deliveries. Collections: each JVM's garbage-collection"
                + " pauses in the round (`jstat -gcutil`: seconds stopped, young and full counts); the apps use the"
                + " serial collector, which stops the whole app.");
        out.add("");
        out.add("| round | calls | " + String.join(" | ", CpuUse.PROCESSES) + " | total | cores busy | collections |");
        out.add("|---|---|" + "---|".repeat(CpuUse.PROCESSES.size()) + "---|---|---|");
        for (CpuRow row : cpu) {
            int calls = row.figures().count();
            StringBuilder line =
                    new StringBuilder("| %s | %d |".formatted(row.figures().name(), calls));
            for (String process : CpuUse.PROCESSES) {
                line.append(" %.2f |".formatted(row.use().perCall(process, calls)));
            }
            line.append(" %.2f | %.2f over %.1f s | %s |"
                    .formatted(
                            calls == 0 ? 0 : row.use().total() / (double) calls,
                            row.use().cores(),
                            row.use().wallSeconds(),
                            row.use().pausesLine()));
            out.add(line.toString());
        }
        out.add("");
        out.add("#### Invariants checked after each round");
        out.add("");
        out.addAll(checks);
        out.add("");
        out.add("Gatling's HTML reports of this run: `bench/target/gatling/` (not committed).");
        out.add(END);
        return out;
    }

    void write() throws IOException {
        Path page = home.resolve("docs/benchmarks.md");
        List<String> block = markdown();
        List<String> lines = Files.exists(page)
                ? new ArrayList<>(Files.readAllLines(page))
                : new ArrayList<>(List.of("# Benchmarks", ""));
        int begin = lines.indexOf(BEGIN);
        int end = lines.indexOf(END);
        if (begin >= 0 && end > begin) {
            lines.subList(begin, end + 1).clear();
            lines.addAll(begin, block);
        } else {
            lines.add("");
            lines.addAll(block);
        }
        Files.createDirectories(page.getParent());
        Files.write(page, lines);
        Path archive = home.resolve("bench/target/benchmarks-" + System.currentTimeMillis() + ".md");
        Files.createDirectories(archive.getParent());
        Files.write(archive, block);
        System.out.println("Wrote " + page + " (copy in " + archive + ")");
        block.forEach(line -> {
            if (line.startsWith("|")) {
                System.out.println(line);
            }
        });
    }

    private static String machine() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
        try {
            String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .orElse("?");
            facts.put("cpu", model);
            String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
            facts.put("memory", mem.replace("MemTotal: ", ""));
            facts.put(
                    "load before the run",
                    Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (IOException unreadable) {
            facts.put("cpu", "?");
        }
        facts.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        StringBuilder out = new StringBuilder();
        facts.forEach((k, v) ->
                out.append(out.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
        return out.toString();
    }
}
