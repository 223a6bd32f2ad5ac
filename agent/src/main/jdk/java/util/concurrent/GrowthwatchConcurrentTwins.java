package java.util.concurrent;

/**
 * Makes the counted twins of {@code ConcurrentHashMap}, as {@code java.util.GrowthwatchTwins} does for
 * {@code HashMap}: defined after the classes it refers to, typed without the class of the instances.
 */
public final class GrowthwatchConcurrentTwins {

    private GrowthwatchConcurrentTwins() {
    }

    /** The twin of {@code original}, a map just constructed: same initial table size and entries. */
    public static <K, V> GrowthwatchConcurrentHashMap<K, V> concurrentHashMap(ConcurrentHashMap<K, V> original) {
        GrowthwatchConcurrentHashMap<K, V> twin = new GrowthwatchTrackedConcurrentHashMap<>();
        twin.copyOf(original);
        return twin;
    }
}
