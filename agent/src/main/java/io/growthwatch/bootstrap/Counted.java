package io.growthwatch.bootstrap;

/**
 * A map that counts its own inserts and removes: the agent's twins of {@code HashMap},
 * {@code LinkedHashMap} and {@code ConcurrentHashMap}, defined in the JDK's own packages at start-up.
 * Unpicked maps stay plain JDK maps; only instances the sampling picked are counted twins.
 *
 * <p>A twin credits each change to the instrumented call site whose call is in progress: the call
 * site names itself right before its call ({@link #calledFrom}), the twin forgets the name when the
 * call returns, and changes made by other code count as {@link CallSite#OUTSIDE}.
 */
public interface Counted {

    /** Starts counting into {@code tracked}; called once, right after the twin is made. */
    void countInto(TrackedMap tracked);

    /** Names the instrumented call site whose call on this map comes next (same thread, no code between). */
    void calledFrom(int callSite);

    /**
     * Credits every change to {@code callSite} until {@link #release}: a bulk call on a set
     * ({@code addAll}, {@code removeIf}, ...) is in progress, which calls this map once per element.
     */
    void hold(int callSite);

    /** The bulk call of {@link #hold} returned. */
    void release();

    /**
     * The call named by {@link #calledFrom} has returned: for a call that may end without changing
     * the map ({@code remove} of an absent key, from a class file whose call sites cannot use
     * {@link #removeFrom}), which a twin cannot see end by itself.
     */
    default void callReturned() {
    }

    /**
     * {@code remove(key)} on this map, made for instrumented call site {@code callSite}, which passes
     * its id into the call (see {@code Hooks.removeFrom}) instead of naming itself before it: the
     * twins of {@code HashMap} and {@code LinkedHashMap} cannot see a remove of an absent key end by
     * themselves. For a twin that is a map; the twins of the JDK's maps override it.
     */
    default Object removeFrom(Object key, int callSite) {
        calledFrom(callSite);
        try {
            return ((java.util.Map<?, ?>) this).remove(key);
        } finally {
            callReturned();
        }
    }

    /**
     * An instrumented call site is about to ask whether {@code key} is present
     * ({@code containsKey}): tells the sampler's key watch when it is. Does nothing for a twin that
     * watches its own lookups.
     */
    default void lookingUp(Object key) {
    }
}
