package io.quanzi.devstack;

import java.io.PrintStream;

/** One line per step, with the seconds since the stack started. */
final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    void step(String component, String message) {
        double seconds = (System.nanoTime() - started) / 1e9;
        synchronized (out) {
            out.printf("[%5.1fs] %-18s %s%n", seconds, component, message);
        }
    }

    double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
