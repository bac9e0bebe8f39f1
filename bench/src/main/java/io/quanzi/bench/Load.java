package io.quanzi.bench;

import io.gatling.app.Gatling$;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Runs one {@link Burst} round in this JVM with Gatling and returns its figures; the HTML report stays on disk. */
final class Load {

    private final Path results;

    Load(Path results) {
        this.results = results;
    }

    Samples.Figures run(String name, List<Burst.Call> calls, Duration window) {
        Samples samples = new Samples();
        Burst.round = new Burst.Round(name.replaceAll("[^A-Za-z0-9]+", "-"), calls, window, samples);
        int code = Gatling$.MODULE$.fromArgs(
                new String[] {"-s", Burst.class.getName(), "-rf", results.toString(), "-rd", name, "-l", "quanzi-bench"
                });
        if (code != 0 && samples.size() < calls.size()) {
            throw new IllegalStateException("Gatling ended with " + code + " after " + samples.size() + " calls");
        }
        Samples.Figures figures = samples.figures(name);
        System.out.println("  " + figures.line());
        return figures;
    }
}
