package java.util;

/**
 * The class of the {@code LinkedHashMap}s growthwatch tracks: {@link GrowthwatchLinkedHashMap} under
 * the JDK class's name, as {@link GrowthwatchTrackedHashMap} is for {@code HashMap}.
 */
public final class GrowthwatchTrackedLinkedHashMap<K, V> extends GrowthwatchLinkedHashMap<K, V> {

    private static final long serialVersionUID = 1L;

    /** As {@link LinkedHashMap#LinkedHashMap()}. */
    public GrowthwatchTrackedLinkedHashMap() {
    }

    /** As {@link LinkedHashMap#LinkedHashMap(int)}. */
    public GrowthwatchTrackedLinkedHashMap(int initialCapacity) {
        super(initialCapacity);
    }

    /** As {@link LinkedHashMap#LinkedHashMap(int, float)}. */
    public GrowthwatchTrackedLinkedHashMap(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
    }

    /** As {@link LinkedHashMap#LinkedHashMap(int, float, boolean)}. */
    public GrowthwatchTrackedLinkedHashMap(int initialCapacity, float loadFactor, boolean accessOrder) {
        super(initialCapacity, loadFactor, accessOrder);
    }

    /** As {@link LinkedHashMap#LinkedHashMap(Map)}. */
    public GrowthwatchTrackedLinkedHashMap(Map<? extends K, ? extends V> m) {
        super(m);
    }
}
