package io.growthwatch.bootstrap;

/**
 * A map that counts its own inserts and removes: the agent's twins of {@code HashMap},
 * {@code LinkedHashMap} and {@code ConcurrentHashMap}, defined in the JDK's own packages at start-up.
 * Unpicked maps stay plain JDK maps; only instances the sampling picked are counted twins.
 */
public interface Counted {

    /** Starts counting into {@code tracked}; called once, right after the twin is made. */
    void countInto(TrackedMap tracked);

    /** Names the instrumented call site whose call on this map comes next (same thread, no code between). */
    void calledFrom(int callSite);
}
