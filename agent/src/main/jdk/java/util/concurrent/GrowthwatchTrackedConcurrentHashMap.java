package java.util.concurrent;

import java.util.Map;

/**
 * The class of the {@code ConcurrentHashMap}s growthwatch tracks: {@link GrowthwatchConcurrentHashMap}
 * under the JDK class's name, as {@code java.util.GrowthwatchTrackedHashMap} is for {@code HashMap}.
 */
public final class GrowthwatchTrackedConcurrentHashMap<K, V> extends GrowthwatchConcurrentHashMap<K, V> {

    private static final long serialVersionUID = 1L;

    /** As {@link ConcurrentHashMap#ConcurrentHashMap()}. */
    public GrowthwatchTrackedConcurrentHashMap() {
    }

    /** As {@link ConcurrentHashMap#ConcurrentHashMap(int)}. */
    public GrowthwatchTrackedConcurrentHashMap(int initialCapacity) {
        super(initialCapacity);
    }

    /** As {@link ConcurrentHashMap#ConcurrentHashMap(Map)}. */
    public GrowthwatchTrackedConcurrentHashMap(Map<? extends K, ? extends V> m) {
        super(m);
    }

    /** As {@link ConcurrentHashMap#ConcurrentHashMap(int, float)}. */
    public GrowthwatchTrackedConcurrentHashMap(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
    }

    /** As {@link ConcurrentHashMap#ConcurrentHashMap(int, float, int)}. */
    public GrowthwatchTrackedConcurrentHashMap(int initialCapacity, float loadFactor, int concurrencyLevel) {
        super(initialCapacity, loadFactor, concurrencyLevel);
    }
}
