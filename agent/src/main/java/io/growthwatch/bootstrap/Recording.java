package io.growthwatch.bootstrap;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Wrappers around the functions given to {@code computeIfAbsent}, {@code compute},
 * {@code computeIfPresent} and {@code merge} of a tracked concurrent map. Whether and how the map
 * called the function tells exactly whether this call inserted or removed the key, even when other
 * threads race on the same key; a check before the call could not. Used by the counted twin of
 * {@code ConcurrentHashMap} only, which has no internal hooks to count from.
 */
public final class Recording {

    private Recording() {
    }

    /** For {@code computeIfAbsent}: the key was inserted by this call iff the function ran and gave a value. */
    public static final class IfAbsent implements Function<Object, Object> {
        private final Function<Object, Object> delegate;
        public boolean ran;

        public IfAbsent(Function<Object, Object> delegate) {
            this.delegate = delegate;
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
    public static final class Remapping implements BiFunction<Object, Object, Object> {
        private final BiFunction<Object, Object, Object> delegate;
        public boolean ran;
        public boolean hadValue;

        public Remapping(BiFunction<Object, Object, Object> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object apply(Object key, Object old) {
            ran = true;
            hadValue = old != null;
            return delegate.apply(key, old);
        }
    }

    /** For {@code merge}: the function runs only when the key is present. */
    public static final class Merging implements BiFunction<Object, Object, Object> {
        private final BiFunction<Object, Object, Object> delegate;
        public boolean ran;

        public Merging(BiFunction<Object, Object, Object> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Object apply(Object old, Object given) {
            ran = true;
            return delegate.apply(old, given);
        }
    }
}
