package com.acme.bench.run;

import java.util.Locale;

/** An overhead budget of issue 5 for one row, and the verdict on a measurement against it. */
record Budget(Kind kind, double limit) {

    /** What the limit bounds. */
    enum Kind {
        /** Relative slowdown of the agent run over the no-agent run, as a fraction. */
        SLOWDOWN,
        /** Milliseconds added by the agent. */
        ADDED_MILLIS,
        /** No budget: reported only. */
        NONE
    }

    /** At most {@code fraction} slower (0.02 is 2%). */
    static Budget slowdown(double fraction) {
        return new Budget(Kind.SLOWDOWN, fraction);
    }

    /** At most {@code millis} added. */
    static Budget addedMillis(double millis) {
        return new Budget(Kind.ADDED_MILLIS, millis);
    }

    /** Reported without a budget. */
    static Budget none() {
        return new Budget(Kind.NONE, 0);
    }

    /** The budget as the table shows it. */
    String text() {
        return switch (kind) {
            case SLOWDOWN -> String.format(Locale.ROOT, "≤ +%s%%", Numbers.trim(limit * 100));
            case ADDED_MILLIS -> String.format(Locale.ROOT, "≤ +%s ms", Numbers.trim(limit));
            case NONE -> "—";
        };
    }

    /** The verdict on {@code agent} against {@code base}: met, or missed by how much, noting the noise. */
    String verdict(Measurement base, Measurement agent) {
        if (base == null || agent == null) {
            return "not run";
        }
        double noise = Math.hypot(base.relativeError(), agent.relativeError());
        return switch (kind) {
            case SLOWDOWN -> {
                double over = agent.median() / base.median() - 1 - limit;
                yield over <= 0 ? "met"
                        : String.format(Locale.ROOT, "**missed** by %.1f pp%s", over * 100, withinNoise(over, noise));
            }
            case ADDED_MILLIS -> {
                double over = agent.median() - base.median() - limit;
                yield over <= 0 ? "met" : String.format(Locale.ROOT, "**missed** by %.0f ms", over);
            }
            case NONE -> "—";
        };
    }

    private static String withinNoise(double over, double noise) {
        return over <= noise ? String.format(Locale.ROOT, " (within noise ±%.1f%%)", noise * 100) : "";
    }
}
