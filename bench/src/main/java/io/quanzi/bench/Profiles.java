package io.quanzi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Profiles the measured rounds of a scenario in the apps that serve it; the results go to {@code bench/target/jfr/}.
 *
 * <ul>
 *   <li>{@code -Dbench.jfr=true}: JDK Flight Recorder ({@code jcmd JFR.start/JFR.stop}), turned into an HTML flame
 *       graph by async-profiler's converter. JFR samples Java code only.
 *   <li>{@code -Dbench.profiler=cpu}: async-profiler's agent (from Maven Central, on the harness's class path) loaded
 *       into the running app ({@code jcmd JVMTI.agent_load}); it samples all the CPU the process uses, the JIT
 *       compilers, the collector and native code included, and writes the flame graph itself.
 * </ul>
 */
final class Profiles {

    private static final String AGENT = "linux-x64/libasyncProfiler.so";

    private final BenchStack stack;
    private final Path dir;
    private final boolean jfr = Boolean.getBoolean("bench.jfr");
    private final boolean cpu = "cpu".equals(System.getProperty("bench.profiler"));

    Profiles(BenchStack stack, Path dir) {
        this.stack = stack;
        this.dir = dir;
    }

    void start(String scenario, List<String> modules) {
        for (String module : modules) {
            if (jfr) {
                jcmd(module, "JFR.start", "name=" + scenario, "settings=profile");
            }
            if (cpu) {
                agent(module, "start,event=cpu,interval=1ms");
            }
        }
    }

    void stop(String scenario, List<String> modules) {
        for (String module : modules) {
            if (jfr) {
                Path recording = dir.resolve(scenario + "-" + module + ".jfr");
                jcmd(module, "JFR.stop", "name=" + scenario, "filename=" + recording);
                flameGraph(recording, dir.resolve(scenario + "-" + module + ".html"), scenario + ": " + module);
            }
            if (cpu) {
                // The folded stacks too, for reading with grep and sort.
                agent(module, "dump,collapsed,file=" + dir.resolve(scenario + "-" + module + "-cpu.collapsed"));
                agent(module, "stop,file=" + dir.resolve(scenario + "-" + module + "-cpu.html"));
            }
        }
    }

    /** jcmd reads {@code key=value} as its own options, so the agent's option string goes in quotes. */
    private void agent(String module, String options) {
        jcmd(module, "JVMTI.agent_load", agent().toString(), '"' + options + '"');
    }

    /** The agent, copied once from its jar to a file, since a JVM loads a native library only from a path. */
    private Path agent() {
        Path file = dir.resolve("libasyncProfiler.so");
        if (Files.exists(file)) {
            return file;
        }
        try (InputStream in = Profiles.class.getClassLoader().getResourceAsStream(AGENT)) {
            if (in == null) {
                throw new IllegalStateException(AGENT + " is not on the class path");
            }
            Files.createDirectories(dir);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException failed) {
            throw new IllegalStateException("cannot copy " + AGENT, failed);
        }
    }

    /** async-profiler's jfrconv (from Maven Central, on the harness's class path) turns a recording into HTML. */
    private void flameGraph(Path recording, Path html, String title) {
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
            System.out.println("  (no profile for " + module + ": " + failed.getMessage() + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
