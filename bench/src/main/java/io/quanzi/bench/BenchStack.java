package io.quanzi.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The dev stack as the harness runs it: {@code devstack.jar} started as a child process with the bench's ports and a
 * fresh data folder, exactly like {@code ./run.sh}. Knows the health URLs, the process tree (for resident memory and
 * for killing one app) and how to start a killed app again with the command line and environment it had.
 */
final class BenchStack implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Settings settings;
    private Process launcher;
    private final List<Process> restarted = new ArrayList<>();

    record Settings(
            Path home, Path dataDir, int gateway, int keycloak, int member, int community, int offer, int mongo) {

        static Settings fromEnvironment(Path home) {
            return new Settings(
                    home,
                    Path.of(env("QUANZI_DATA", home.resolve("data-bench").toString())),
                    Integer.parseInt(env("QUANZI_GATEWAY_PORT", "8080")),
                    Integer.parseInt(env("QUANZI_KEYCLOAK_PORT", "8180")),
                    Integer.parseInt(env("QUANZI_MEMBER_PORT", "8081")),
                    Integer.parseInt(env("QUANZI_COMMUNITY_PORT", "8082")),
                    Integer.parseInt(env("QUANZI_OFFER_PORT", "8083")),
                    Integer.parseInt(env("QUANZI_MONGO_PORT", "27017")));
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }

        String gatewayUrl() {
            return "http://127.0.0.1:" + gateway;
        }

        String keycloakUrl() {
            return "http://localhost:" + keycloak;
        }

        String serviceUrl(String module) {
            return "http://127.0.0.1:" + port(module);
        }

        int port(String module) {
            return switch (module) {
                case "member-service" -> member;
                case "community-service" -> community;
                case "offer-service" -> offer;
                case "gateway" -> gateway;
                default -> throw new IllegalArgumentException(module);
            };
        }

        String mongoUri() {
            return "mongodb://127.0.0.1:" + mongo;
        }

        List<URI> healthUris() {
            return List.of(
                    URI.create(keycloakUrl() + "/realms/quanzi/.well-known/openid-configuration"),
                    URI.create(serviceUrl("member-service") + "/actuator/health/readiness"),
                    URI.create(serviceUrl("community-service") + "/actuator/health/readiness"),
                    URI.create(serviceUrl("offer-service") + "/actuator/health/readiness"),
                    URI.create(serviceUrl("gateway") + "/actuator/health/readiness"));
        }
    }

    BenchStack(Settings settings) {
        this.settings = settings;
    }

    /** Starts the stack on a fresh data folder; returns the seconds until every component answered healthy. */
    double startFresh(Duration limit) throws IOException, InterruptedException {
        deleteRecursively(settings.dataDir());
        Files.createDirectories(settings.dataDir());
        Path jar = settings.home().resolve("devstack/target/devstack.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (bench/run.sh does)");
        }
        // The launcher runs from a copy with its own name, so that a script stopping "devstack.jar" (someone's
        // ./run.sh on other ports) does not stop the bench's stack half-way.
        Path copy = settings.dataDir().resolve("quanzi-bench-stack.jar");
        Files.copy(jar, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // The launcher's JVM settings are run.sh's (QUANZI_DEVSTACK_JAVA_OPTS, or run.sh's default): it holds the
        // embedded MongoDB.
        List<String> command = new ArrayList<>();
        command.add(jdkTool("java"));
        command.addAll(launcherJvm());
        command.addAll(List.of("-Dquanzi.home=" + settings.home(), "-jar", copy.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(settings.dataDir().resolve("devstack.out").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUANZI_DATA", settings.dataDir().toString());
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("QUANZI_GATEWAY_PORT", Integer.toString(settings.gateway()));
        env.put("QUANZI_KEYCLOAK_PORT", Integer.toString(settings.keycloak()));
        env.put("QUANZI_MEMBER_PORT", Integer.toString(settings.member()));
        env.put("QUANZI_COMMUNITY_PORT", Integer.toString(settings.community()));
        env.put("QUANZI_OFFER_PORT", Integer.toString(settings.offer()));
        env.put("QUANZI_MONGO_PORT", Integer.toString(settings.mongo()));
        long started = System.nanoTime();
        launcher = builder.start();
        awaitHealthy(settings.healthUris(), limit);
        return (System.nanoTime() - started) / 1e9;
    }

    void awaitHealthy(List<URI> uris, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        List<URI> waiting = new ArrayList<>(uris);
        while (!waiting.isEmpty()) {
            if (launcher != null && !launcher.isAlive()) {
                throw new IllegalStateException("The dev stack exited with " + launcher.exitValue() + "; see "
                        + settings.dataDir().resolve("devstack.out"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not healthy in " + limit + ": " + waiting);
            }
            waiting.removeIf(BenchStack::answersOk);
            if (!waiting.isEmpty()) {
                Thread.sleep(100);
            }
        }
    }

    /** run.sh's {@code QUANZI_DEVSTACK_JAVA_OPTS}, or run.sh's default when it is not set. */
    private List<String> launcherJvm() {
        String configured = System.getenv("QUANZI_DEVSTACK_JAVA_OPTS");
        if (configured != null && !configured.isBlank()) {
            return List.of(configured.trim().split("\\s+"));
        }
        Path runSh = settings.home().resolve("run.sh");
        try {
            java.util.regex.Matcher defaults = java.util.regex.Pattern.compile("QUANZI_DEVSTACK_JAVA_OPTS:-([^}]*)}")
                    .matcher(Files.readString(runSh));
            if (defaults.find()) {
                return List.of(defaults.group(1).trim().split("\\s+"));
            }
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot read the launcher's JVM settings from " + runSh, unreadable);
        }
        throw new IllegalStateException(runSh + " has no default QUANZI_DEVSTACK_JAVA_OPTS");
    }

    private static boolean answersOk(URI uri) {
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Resident memory of the launcher (which holds the embedded MongoDB) and every process below it, in MB. */
    long residentMegabytes() {
        long kilobytes = tree().mapToLong(handle -> rssKilobytes(handle.pid())).sum();
        return kilobytes / 1024;
    }

    /** The same, per component: the launcher (it holds the embedded MongoDB), Keycloak and each app, in MB. */
    Map<String, Long> residentByComponent() {
        Map<String, Long> megabytes = new java.util.TreeMap<>();
        tree().forEach(handle -> megabytes.merge(component(handle), rssKilobytes(handle.pid()) / 1024, Long::sum));
        return megabytes;
    }

    /**
     * At the start of a round: the collections each JVM has made so far, then the CPU time (user + system) each
     * component has used, the harness's own JVM (the load generator and the raw baselines) included as {@code
     * bench}, in milliseconds.
     */
    CpuUse.Reading startReading() {
        Map<String, CpuUse.Pauses> pauses = collectionsByComponent();
        return new CpuUse.Reading(cpuByComponent(), pauses, System.nanoTime());
    }

    /**
     * The same at the end of a round. The CPU and the clock are read first and the collections after them, at the start
     * the other way round: jstat takes a moment per process, and that moment stays outside the round's interval.
     */
    CpuUse.Reading endReading() {
        Map<String, Long> millis = cpuByComponent();
        long nanos = System.nanoTime();
        return new CpuUse.Reading(millis, collectionsByComponent(), nanos);
    }

    private Map<String, Long> cpuByComponent() {
        Map<String, Long> millis = new java.util.TreeMap<>();
        tree().forEach(handle -> millis.merge(component(handle), cpuMillis(handle.pid()), Long::sum));
        millis.put("bench", cpuMillis(ProcessHandle.current().pid()));
        return millis;
    }

    private Map<String, CpuUse.Pauses> collectionsByComponent() {
        Map<String, CpuUse.Pauses> pauses = new java.util.TreeMap<>();
        tree().toList().parallelStream()
                .map(handle -> Map.entry(component(handle), collections(handle.pid())))
                .toList()
                .forEach(read ->
                        read.getValue().ifPresent(found -> pauses.merge(read.getKey(), found, CpuUse.Pauses::plus)));
        return pauses;
    }

    /**
     * The collections of one JVM so far, read by the JDK's {@code jstat -gcutil} from the JVM's performance counters
     * (no agent, nothing to change in the process); empty for a process that is no JVM or has gone.
     */
    static Optional<CpuUse.Pauses> collections(long pid) {
        try {
            Process process = new ProcessBuilder(jdkTool("jstat"), "-gcutil", Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            if (process.waitFor() != 0) {
                return Optional.empty();
            }
            return parseGcutil(output);
        } catch (IOException gone) {
            return Optional.empty();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** {@code jstat -gcutil}'s header and values, by column name: total GC seconds and the young and full counts. */
    static Optional<CpuUse.Pauses> parseGcutil(String output) {
        String[] lines = output.split("\\R");
        if (lines.length < 2) {
            return Optional.empty();
        }
        List<String> names = List.of(lines[0].trim().split("\\s+"));
        String[] values = lines[1].trim().split("\\s+");
        int young = names.indexOf("YGC");
        int full = names.indexOf("FGC");
        int seconds = names.indexOf("GCT");
        if (young < 0 || full < 0 || seconds < 0 || values.length != names.size()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CpuUse.Pauses(
                    Double.parseDouble(values[seconds]), Long.parseLong(values[young]), Long.parseLong(values[full])));
        } catch (NumberFormatException unexpected) {
            return Optional.empty();
        }
    }

    /** Fields 14 and 15 of {@code /proc/<pid>/stat} (after the command name in parentheses), in clock ticks of 10 ms. */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private String component(ProcessHandle handle) {
        if (launcher != null && handle.pid() == launcher.pid()) {
            return "launcher";
        }
        String arguments = String.join(" ", handle.info().arguments().orElse(new String[0]));
        for (String module : List.of("gateway", "member-service", "community-service", "offer-service")) {
            if (arguments.contains("/" + module + ".jar")) {
                return module;
            }
        }
        return arguments.contains("keycloak") || arguments.contains("kc.") ? "keycloak" : "other";
    }

    private Stream<ProcessHandle> tree() {
        Stream<ProcessHandle> launched = launcher == null
                ? Stream.empty()
                : Stream.concat(Stream.of(launcher.toHandle()), launcher.descendants());
        return Stream.concat(
                        launched,
                        restarted.stream().flatMap(p -> Stream.concat(Stream.of(p.toHandle()), p.descendants())))
                .filter(ProcessHandle::isAlive)
                .distinct();
    }

    /** The JVM of one app (matched by its jar on the command line). */
    Optional<ProcessHandle> app(String module) {
        String jar = "/" + module + ".jar";
        return tree().filter(handle -> handle.info()
                        .arguments()
                        .map(args -> Stream.of(args).anyMatch(arg -> arg.endsWith(jar)))
                        .orElse(false))
                .findFirst();
    }

    /** The pid of one app, or of the launcher (which holds the embedded MongoDB) for {@code "launcher"}. */
    long pid(String module) {
        if ("launcher".equals(module) && launcher != null) {
            return launcher.pid();
        }
        return app(module)
                .orElseThrow(() -> new IllegalStateException("No " + module))
                .pid();
    }

    /**
     * {@code kill -9} one app, then start it again with the command line, environment and working folder it had, and
     * wait until it is healthy. Returns the seconds from the kill to healthy again.
     */
    double killAndRestart(String module, Duration down) throws IOException, InterruptedException {
        ProcessHandle app = app(module).orElseThrow(() -> new IllegalStateException("No " + module));
        Path proc = Path.of("/proc", Long.toString(app.pid()));
        List<String> command = nulSeparated(Files.readAllBytes(proc.resolve("cmdline")));
        List<String> environment = nulSeparated(Files.readAllBytes(proc.resolve("environ")));
        Path cwd = proc.resolve("cwd").toRealPath();
        long killed = System.nanoTime();
        new ProcessBuilder("kill", "-9", Long.toString(app.pid()))
                .inheritIO()
                .start()
                .waitFor();
        app.onExit().join();
        Thread.sleep(down.toMillis());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(settings.dataDir()
                        .resolve("logs")
                        .resolve(module + ".log")
                        .toFile()));
        builder.environment().clear();
        for (String pair : environment) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                builder.environment().put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        restarted.add(builder.start());
        awaitHealthy(
                List.of(URI.create(settings.serviceUrl(module) + "/actuator/health/readiness")),
                Duration.ofSeconds(120));
        return (System.nanoTime() - killed) / 1e9;
    }

    private static List<String> nulSeparated(byte[] bytes) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                parts.add(new String(bytes, start, i - start));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            parts.add(new String(bytes, start, bytes.length - start));
        }
        return parts;
    }

    static long rssKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            return 0;
        }
        return 0;
    }

    @Override
    public void close() {
        for (Process process : restarted) {
            process.destroy();
        }
        if (launcher != null) {
            // The launcher's shutdown hook stops Keycloak and the apps it started.
            launcher.destroy();
            try {
                if (!launcher.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                    launcher.destroyForcibly();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        for (Process process : restarted) {
            try {
                if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A tool of the JDK this harness runs on ({@code java}, {@code jstat}). */
    private static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path :
                    paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(path);
            }
        }
    }
}
