package io.growthwatch.bootstrap;

/** The agent's interval clock: advanced once per sampling interval, read by hooks to budget their work. */
public final class Epoch {

    /** The current interval's number. */
    static volatile int current;

    private Epoch() {
    }

    /** Starts a new interval: called by the agent's sampler. */
    public static void advance() {
        current++;
    }
}
