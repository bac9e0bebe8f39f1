package io.quanzi.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * With {@code -Dbench.jfr=true}, records the measured rounds of a scenario with JDK Flight Recorder in the apps that
 * serve it ({@code jcmd JFR.start/JFR.stop}); the recordings go to {@code bench/target/jfr/}.
 */
final class Profiles {

    private final BenchStack stack;
    private final Path dir;
    private final boolean enabled = Boolean.getBoolean("bench.jfr");

    Profiles(BenchStack stack, Path dir) {
        this.stack = stack;
        this.dir = dir;
    }

    void start(String scenario, List<String> modules) {
        for (String module : modules) {
            jcmd(module, "JFR.start", "name=" + scenario, "settings=profile");
        }
    }

    void stop(String scenario, List<String> modules) {
        for (String module : modules) {
            Path recording = dir.resolve(scenario + "-" + module + ".jfr");
            jcmd(module, "JFR.stop", "name=" + scenario, "filename=" + recording);
            flameGraph(recording, dir.resolve(scenario + "-" + module + ".html"), scenario + ": " + module);
        }
    }

    /** async-profiler's jfrconv (from Maven Central, on the harness's class path) turns a recording into HTML. */
    private void flameGraph(Path recording, Path html, String title) {
        if (!enabled) {
            return;
        }
        try {
            new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            "Main",
                            "--simple",
                            "--title",
                            title,
                            recording.toString(),
                            html.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException failed) {
            System.out.println("  (no flame graph for " + recording + ": " + failed.getMessage() + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void jcmd(String module, String... command) {
        if (!enabled) {
            return;
        }
        try {
            Files.createDirectories(dir);
            String[] line = new String[command.length + 2];
            line[0] = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            line[1] = Long.toString(stack.pid(module));
            System.arraycopy(command, 0, line, 2, command.length);
            new ProcessBuilder(line)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException | RuntimeException failed) {
            System.out.println("  (no JFR for " + module + ": " + failed.getMessage() + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
