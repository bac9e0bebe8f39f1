package io.quanzi.devstack;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The whole platform on one machine: embedded MongoDB in this process, then Keycloak and the four
 * apps as child processes, started together and awaited until each is healthy. Closing the stack
 * stops every process it started, all at once.
 */
public final class Stack implements AutoCloseable {

    /** How long the components may take to become healthy; QUANZI_STARTUP_LIMIT_SECONDS raises it on a busy machine. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(startupLimitSeconds());

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final StackSettings settings;
    private final Progress progress;
    private final List<ManagedProcess> processes = new ArrayList<>();
    private EmbeddedMongo mongo;

    private Stack(StackSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Starts everything, or stops what it started and throws if any component fails. */
    public static Stack start(StackSettings settings) throws IOException, InterruptedException {
        Stack stack = new Stack(settings, new Progress(System.out));
        stack.startAll();
        return stack;
    }

    /**
     * A stack that starts when {@link #startAll()} is called, so that a shutdown hook can be in
     * place before the first process exists.
     */
    public static Stack prepare(StackSettings settings) {
        return new Stack(settings, new Progress(System.out));
    }

    /** Starts everything; on failure stops what was started, then throws. */
    public void startAll() throws IOException, InterruptedException {
        try {
            startComponents();
        } catch (RuntimeException | IOException | InterruptedException failure) {
            close();
            throw failure;
        }
    }

    private void startComponents() throws IOException, InterruptedException {
        progress.step(
                "mongodb",
                "starting embedded MongoDB-wire server on 127.0.0.1:"
                        + settings.ports().mongo()
                        + (settings.persistentMongo() ? " (H2 files in " + settings.dataDir() + ")" : " (in memory)"));
        mongo = EmbeddedMongo.start(settings.ports().mongo(), settings.dataDir(), settings.persistentMongo());
        progress.step("mongodb", "ready");

        processes.add(Components.keycloak(settings, progress));
        for (Components.App app : Components.App.values()) {
            processes.add(Components.app(settings, app, mongo));
        }
        for (ManagedProcess process : processes) {
            java.nio.file.Files.deleteIfExists(process.log());
            process.start(settings.home());
            progress.step(process.name(), "starting (log: " + settings.home().relativize(process.log()) + ")");
        }
        awaitAllHealthy(Instant.now().plus(STARTUP_LIMIT));
    }

    private void awaitAllHealthy(Instant deadline) throws InterruptedException {
        ExecutorService waiters = Executors.newFixedThreadPool(processes.size());
        try {
            List<Future<?>> waits = new ArrayList<>();
            for (ManagedProcess process : processes) {
                waits.add(waiters.submit(() -> {
                    process.awaitHealthy(deadline);
                    progress.step(process.name(), "healthy");
                    return null;
                }));
            }
            for (Future<?> wait : waits) {
                try {
                    wait.get();
                } catch (ExecutionException failed) {
                    if (failed.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw new IllegalStateException(failed.getCause());
                }
            }
        } finally {
            waiters.shutdownNow();
        }
    }

    public StackSettings settings() {
        return settings;
    }

    public String gatewayUrl() {
        return "http://localhost:" + settings.ports().gateway();
    }

    public String keycloakUrl() {
        return "http://localhost:" + settings.ports().keycloak();
    }

    /** The embedded MongoDB-wire server's address, for tests that compare the databases. */
    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongo.port();
    }

    public String serviceUrl(String module) {
        for (Components.App app : Components.App.values()) {
            if (app.module().equals(module)) {
                return "http://127.0.0.1:" + app.port(settings.ports());
            }
        }
        throw new IllegalArgumentException("No app " + module);
    }

    /** Resident memory of every process of the stack, this one included, in megabytes. */
    public long residentMegabytes() {
        long kilobytes =
                processes.stream().mapToLong(ManagedProcess::residentKilobytes).sum();
        kilobytes += ManagedProcess.rssKilobytes(ProcessHandle.current().pid());
        return kilobytes / 1024;
    }

    double elapsedSeconds() {
        return progress.elapsedSeconds();
    }

    /** Stops one app (to see what the others do without it). */
    public void stopApp(String module) {
        process(module).stop(STOP_GRACE);
    }

    /** Starts an app stopped by {@link #stopApp} again and waits until it is healthy. */
    public void restartApp(String module) throws IOException, InterruptedException {
        ManagedProcess process = process(module);
        process.start(settings.home());
        process.awaitHealthy(Instant.now().plus(STARTUP_LIMIT));
    }

    /** The operating-system process id of an app, for tests that freeze it. */
    public long pid(String module) {
        return process(module).pid();
    }

    private ManagedProcess process(String name) {
        return processes.stream()
                .filter(process -> process.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No component " + name));
    }

    @Override
    public synchronized void close() {
        processes.forEach(ManagedProcess::requestStop);
        processes.forEach(process -> process.awaitStopped(STOP_GRACE));
        processes.clear();
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
    }

    private static long startupLimitSeconds() {
        String configured = System.getenv("QUANZI_STARTUP_LIMIT_SECONDS");
        try {
            return configured == null || configured.isBlank() ? 240 : Math.max(30, Long.parseLong(configured.strip()));
        } catch (NumberFormatException notANumber) {
            return 240;
        }
    }
}
