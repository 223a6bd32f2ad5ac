package com.acme.bench.run;

import java.io.PrintStream;
import java.util.Locale;

/** Prints one line per measured step on standard error, so that standard output carries only the table. */
final class Progress {

    private final PrintStream out = System.err;
    private final long start = System.nanoTime();
    private int total;
    private int done;

    /** Sets the number of steps expected. */
    void total(int steps) {
        this.total = steps;
    }

    /** Reports that step {@code what} finished with {@code result}. */
    void step(String what, String result) {
        done++;
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        out.printf(Locale.ROOT, "[%3d/%d %3d:%02d] %-60s %s%n", done, total, seconds / 60, seconds % 60, what, result);
    }

    /** Reports a repeated step, which the total did not count. */
    void repeat(String what, String result) {
        done--;
        step(what, result);
    }

    /** Prints a free-form note. */
    void note(String text) {
        out.println(text);
    }
}
