package java.util;

/**
 * The class of the {@code LinkedHashSet}s growthwatch tracks: {@link GrowthwatchLinkedHashSet} under the JDK
 * class's name, as {@link GrowthwatchTrackedHashMap} is for {@code HashMap}. A set made through its
 * public constructor (by code that instantiates a set's own class) counts nothing.
 */
public final class GrowthwatchTrackedLinkedHashSet<E> extends GrowthwatchLinkedHashSet<E> {

    private static final long serialVersionUID = 1L;

    /** As {@link LinkedHashSet#LinkedHashSet()}. */
    public GrowthwatchTrackedLinkedHashSet() {
        super(new GrowthwatchTrackedLinkedHashMap<>());
    }

    GrowthwatchTrackedLinkedHashSet(GrowthwatchLinkedHashMap<E, Object> counted) {
        super(counted);
    }
}
