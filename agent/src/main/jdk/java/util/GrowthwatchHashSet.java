package java.util;

import io.growthwatch.bootstrap.Counted;
import io.growthwatch.bootstrap.TrackedMap;
import jdk.internal.misc.Unsafe;

/**
 * growthwatch's counting {@code HashSet}: a {@code HashSet} whose elements live in a counted
 * {@code GrowthwatchHashMap}, which it calls directly for its hot methods ({@code add}, {@code remove},
 * {@code contains}, ...), so that the JDK's own call sites inside {@code HashSet}, shared by every
 * set of the JVM, never meet the counted map's class. Sets are instances of
 * {@code GrowthwatchTrackedHashSet}, which adds nothing but the JDK class's name. Its
 * {@code clone()} is a plain {@code HashSet}, and it serializes as one.
 */
public class GrowthwatchHashSet<E> extends HashSet<E> implements Counted {

    private static final long serialVersionUID = 1L;

    private static final Unsafe U = Unsafe.getUnsafe();
    private static final long MAP = U.objectFieldOffset(HashSet.class, "map");

    /** The set's map, also held in {@code HashSet}'s own field for the methods not overridden here. */
    private final transient GrowthwatchHashMap<E, Object> counted;

    /** A set keeping its elements in {@code counted}, which must be empty or hold this set's elements. */
    GrowthwatchHashSet(GrowthwatchHashMap<E, Object> counted) {
        this.counted = counted;
        U.putReference(this, MAP, counted); // not yet published: a plain write suffices
    }

    @Override
    public void countInto(TrackedMap tracked) {
        counted.countInto(tracked);
    }

    @Override
    public void calledFrom(int callSite) {
        counted.calledFrom(callSite);
    }

    @Override
    public void hold(int callSite) {
        counted.hold(callSite);
    }

    @Override
    public void release() {
        counted.release();
    }

    @Override
    public boolean add(E e) {
        return counted.put(e, Boolean.TRUE) == null;
    }

    @Override
    public boolean remove(Object o) {
        return counted.removedNode(o) != null;
    }

    @Override
    public boolean contains(Object o) {
        return counted.containsKeyWatched(o);
    }

    @Override
    public int size() {
        return counted.size();
    }

    @Override
    public boolean isEmpty() {
        return counted.isEmpty();
    }

    @Override
    public void clear() {
        counted.clear();
    }

    @Override
    public Iterator<E> iterator() {
        return counted.keySet().iterator();
    }

    @Override
    public Object[] toArray() {
        return counted.keySet().toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        return counted.keySet().toArray(a);
    }

    /** A plain {@code HashSet} with the same capacity, load factor, order and elements. */
    @Override
    @SuppressWarnings("unchecked")
    public Object clone() {
        HashSet<E> copy = new HashSet<>(GrowthwatchHashMap.initialCapacity(counted), counted.loadFactor);
        for (E e : counted.keySet()) {
            copy.add(e);
        }
        return copy;
    }

    /** Serialized as a plain {@code HashSet}, so that a JVM without growthwatch reads it. */
    protected Object writeReplace() {
        return clone();
    }
}
