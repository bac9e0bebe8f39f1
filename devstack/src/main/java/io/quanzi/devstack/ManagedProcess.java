package io.quanzi.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child process of the stack: its output goes to a log file, it is healthy once its health URL
 * answers 200, and stopping it stops its whole process tree (Keycloak's script starts a JVM).
 */
final class ManagedProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final URI healthUri;
    private final Path log;
    private Process process;

    ManagedProcess(String name, List<String> command, Map<String, String> environment, URI healthUri, Path log) {
        this.name = name;
        this.command = command;
        this.environment = environment;
        this.healthUri = healthUri;
        this.log = log;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    void start(Path workingDir) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
    }

    /** Waits until the health URL answers 200; fails early if the process dies. */
    void awaitHealthy(Instant deadline) throws InterruptedException {
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new ComponentFailed(name, "exited with code " + process.exitValue(), log);
            }
            if (answersOk()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new ComponentFailed(name, "not healthy at " + healthUri + " in time", log);
    }

    private boolean answersOk() throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(healthUri)
                    .timeout(Duration.ofSeconds(2))
                    .GET()
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** Asks the whole tree to stop (SIGTERM), without waiting. */
    void requestStop() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Waits for the tree to end, killing what is left after the grace period. */
    void awaitStopped(Duration grace) {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    void stop(Duration grace) {
        requestStop();
        awaitStopped(grace);
    }

    long residentKilobytes() {
        if (process == null || !process.isAlive()) {
            return 0;
        }
        long total = rssKilobytes(process.pid());
        for (ProcessHandle child : process.descendants().toList()) {
            total += rssKilobytes(child.pid());
        }
        return total;
    }

    static long rssKilobytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException unavailable) {
            return 0;
        }
        return 0;
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException unreadable) {
            return "(no log at " + log + ")";
        }
    }

    /** A component did not come up; carries where to look. */
    static final class ComponentFailed extends RuntimeException {

        private final transient Path log;
        private final String component;

        ComponentFailed(String component, String reason, Path log) {
            super(component + " " + reason);
            this.component = component;
            this.log = log;
        }

        Path log() {
            return log;
        }

        String component() {
            return component;
        }
    }
}
