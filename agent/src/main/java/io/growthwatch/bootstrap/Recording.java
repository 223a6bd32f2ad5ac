package io.growthwatch.bootstrap;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Wrappers around the functions given to {@code computeIfAbsent}, {@code compute},
 * {@code computeIfPresent} and {@code merge} of a counted concurrent map. Whether and how the map
 * called the function tells exactly whether this call inserted or removed the key, even when other
 * threads race on the same key; a check before the call could not. Used by the counted twin of
 * {@code ConcurrentHashMap} only, which has no internal hooks to count from; it keeps one of each for
 * its owning thread and re-arms it per call ({@link #arm}), so that the common case allocates nothing
 * and, when the function is the same as the last call's, stores nothing.
 *
 * @param <F> the type of the wrapped function
 */
public abstract class Recording<F> {

    /**
     * The function of the call in progress, kept after the call until the next one replaces it: a
     * reference stored into this long-lived object costs a memory fence in G1's write barrier
     * (measured: a tracked {@code ConcurrentHashMap}'s compute and merge calls +41 to +44 ns per
     * step of four calls with a store and a clear per call, +24 ns with a store only when the
     * function changes). What it keeps alive is bounded: one function per kind per counted map,
     * reachable only from that map (the application's own object), and a function that captures
     * values is a new object per call, replaced at the next call.
     */
    F delegate;

    /** Whether the map called the function during this call. */
    public boolean ran;

    Recording(F delegate) {
        this.delegate = delegate;
    }

    /** Wraps {@code function} for the next call, in place. */
    @SuppressWarnings("unchecked")
    public <R extends Recording<F>> R arm(F function) {
        ran = false;
        if (delegate != function) { // the same function again (a method reference, a lambda capturing nothing): no store
            delegate = function;
        }
        armed();
        return (R) this;
    }

    /** Resets what a subclass records besides {@link #ran}. */
    void armed() {
    }

    /** For {@code computeIfAbsent}: the key was inserted by this call iff the function ran and gave a value. */
    public static final class IfAbsent extends Recording<Function<Object, Object>> implements Function<Object, Object> {

        /** Wraps {@code delegate} for one call. */
        public IfAbsent(Function<Object, Object> delegate) {
            super(delegate);
        }

        @Override
        public Object apply(Object key) {
            ran = true;
            return delegate.apply(key);
        }
    }

    /**
     * For {@code compute} and {@code computeIfPresent}: the function sees the old value, so the key
     * was present before iff it ran with a non-null old value.
     */
    public static final class Remapping extends Recording<BiFunction<Object, Object, Object>>
            implements BiFunction<Object, Object, Object> {

        /** Whether the function saw a value: the key was present. */
        public boolean hadValue;

        /** Wraps {@code delegate} for one call. */
        public Remapping(BiFunction<Object, Object, Object> delegate) {
            super(delegate);
        }

        @Override
        void armed() {
            hadValue = false;
        }

        @Override
        public Object apply(Object key, Object old) {
            ran = true;
            hadValue = old != null;
            return delegate.apply(key, old);
        }
    }

    /** For {@code merge}: the function runs only when the key is present. */
    public static final class Merging extends Recording<BiFunction<Object, Object, Object>>
            implements BiFunction<Object, Object, Object> {

        /** Wraps {@code delegate} for one call. */
        public Merging(BiFunction<Object, Object, Object> delegate) {
            super(delegate);
        }

        @Override
        public Object apply(Object old, Object given) {
            ran = true;
            return delegate.apply(old, given);
        }
    }
}
