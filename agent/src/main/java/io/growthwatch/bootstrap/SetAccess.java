package io.growthwatch.bootstrap;

/**
 * Reaches the map inside a JDK set: a {@code HashSet}'s {@code HashMap}, a {@code TreeSet}'s
 * {@code TreeMap}, a {@code ConcurrentHashMap.newKeySet()}'s map, the map of
 * {@code Collections.newSetFromMap}. Implemented in {@code java.util} (the only place allowed to read
 * those private fields), found by {@link CountedSets}.
 */
public interface SetAccess {

    /** The map that holds the elements of {@code set}, or null when {@code set} is no set this knows. */
    Object backing(Object set);

    /**
     * The counted twin of {@code set}, a set just constructed, when it is exactly a {@code HashSet} or
     * {@code LinkedHashSet}: a set of the same class name, capacity, order and elements, whose map
     * counts ({@link Counted}); otherwise null.
     */
    Object twinOf(Object set);

    /**
     * Prepares {@code set}, just constructed and with no twin, for tracking: gives a {@code HashSet} or
     * {@code LinkedHashSet} subclass a counted twin of its map, with the same capacity and elements. Returns the
     * map to track (that twin, or the set's own map when it has no twin), or null.
     */
    Object countable(Object set);
}
