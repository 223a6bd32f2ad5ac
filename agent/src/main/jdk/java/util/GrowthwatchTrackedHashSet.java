package java.util;

/**
 * The class of the {@code HashSet}s growthwatch tracks: {@link GrowthwatchHashSet} under the JDK
 * class's name, as {@link GrowthwatchTrackedHashMap} is for {@code HashMap}. A set made through its
 * public constructor (by code that instantiates a set's own class) counts nothing.
 */
public final class GrowthwatchTrackedHashSet<E> extends GrowthwatchHashSet<E> {

    private static final long serialVersionUID = 1L;

    /** As {@link HashSet#HashSet()}. */
    public GrowthwatchTrackedHashSet() {
        super(new GrowthwatchTrackedHashMap<>());
    }

    GrowthwatchTrackedHashSet(GrowthwatchHashMap<E, Object> counted) {
        super(counted);
    }
}
