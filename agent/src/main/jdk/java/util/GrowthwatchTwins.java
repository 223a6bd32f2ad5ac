package java.util;

/**
 * Makes the counted twins of {@code HashMap} and {@code LinkedHashMap}: the one class that refers to
 * the classes of the instances, defined after them, so that verifying the other classes never needs
 * one not yet defined. Its methods are typed without those classes (whose names answer the JDK's,
 * see {@link GrowthwatchTrackedHashMap}), because reflection, through which the agent calls them,
 * may look methods up by the names of the classes in their signatures.
 */
public final class GrowthwatchTwins {

    private GrowthwatchTwins() {
    }

    /** The twin of {@code original}, a map just constructed: same capacity, load factor and entries. */
    public static <K, V> GrowthwatchHashMap<K, V> hashMap(HashMap<K, V> original) {
        GrowthwatchHashMap<K, V> twin = new GrowthwatchTrackedHashMap<>(GrowthwatchHashMap.initialCapacity(original),
                original.loadFactor);
        twin.copyEntries(original);
        return twin;
    }

    /** The twin of {@code original}, a map just constructed: same capacity, load factor, order and entries. */
    public static <K, V> GrowthwatchLinkedHashMap<K, V> linkedHashMap(LinkedHashMap<K, V> original) {
        GrowthwatchLinkedHashMap<K, V> twin = new GrowthwatchTrackedLinkedHashMap<>(
                GrowthwatchHashMap.initialCapacity(original), original.loadFactor, original.accessOrder);
        twin.copyEntries(original);
        return twin;
    }
}
