package java.util;

/**
 * The class of the {@code HashMap}s growthwatch tracks: {@link GrowthwatchHashMap} under the JDK
 * class's name. The agent makes {@code getName()} (and with it {@code toString()} and
 * {@code getSimpleName()}) of this class answer {@code java.util.HashMap}, so that code printing a
 * map's class prints what it printed without the agent; it declares no method (its maps are made by
 * {@link GrowthwatchTwins}), so that reflection never needs to find one under that name.
 */
public final class GrowthwatchTrackedHashMap<K, V> extends GrowthwatchHashMap<K, V> {

    private static final long serialVersionUID = 1L;

    /** As {@link HashMap#HashMap()}. */
    public GrowthwatchTrackedHashMap() {
    }

    /** As {@link HashMap#HashMap(int)}. */
    public GrowthwatchTrackedHashMap(int initialCapacity) {
        super(initialCapacity);
    }

    /** As {@link HashMap#HashMap(int, float)}. */
    public GrowthwatchTrackedHashMap(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
    }

    /** As {@link HashMap#HashMap(Map)}. */
    public GrowthwatchTrackedHashMap(Map<? extends K, ? extends V> m) {
        super(m);
    }
}
