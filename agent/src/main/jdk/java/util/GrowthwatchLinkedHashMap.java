package java.util;

import io.growthwatch.bootstrap.CallSite;
import io.growthwatch.bootstrap.Counted;
import io.growthwatch.bootstrap.Tally;
import io.growthwatch.bootstrap.TrackedMap;
import jdk.internal.vm.annotation.ForceInline;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * growthwatch's counting {@code LinkedHashMap}, as {@link GrowthwatchHashMap} is for {@code HashMap};
 * maps are instances of {@link GrowthwatchTrackedLinkedHashMap}. Serializes and clones as a plain
 * {@code LinkedHashMap}.
 */
public class GrowthwatchLinkedHashMap<K, V> extends LinkedHashMap<K, V> implements Counted {

    private static final long serialVersionUID = 1L;

    private transient TrackedMap tracked;

    /** The instrumented call site whose call is in progress, or OUTSIDE (see {@code GrowthwatchHashMap}). */
    private transient int pendingCallSite = CallSite.OUTSIDE_ID;

    /** What {@link #pendingCallSite} returns to when a call returns: OUTSIDE, or the call site of a bulk set call held. */
    private transient int resumeCallSite = CallSite.OUTSIDE_ID;

    /**
     * {@link TrackedMap#firstTally} and {@link TrackedMap#secondTally}, kept here once they exist
     * (set once, never changed), with the ids of the call sites they count: the two call sites that
     * change this map, typically the one that inserts and the one that removes, are then told apart
     * by compares within this object and counted by one increment, without the {@code TrackedMap}'s
     * look-up. {@link CallSite#NO_ID} until a tally is kept (set after it: this map's own thread
     * reads them in that order).
     */
    private transient Tally firstTally;
    private transient Tally secondTally; // see firstTally
    private transient int firstCallSite = CallSite.NO_ID;
    private transient int secondCallSite = CallSite.NO_ID; // see firstTally

    /** As {@link LinkedHashMap#LinkedHashMap()}. */
    public GrowthwatchLinkedHashMap() {
    }

    /** As {@link LinkedHashMap#LinkedHashMap(int)}. */
    public GrowthwatchLinkedHashMap(int initialCapacity) {
        super(initialCapacity);
    }

    /** As {@link LinkedHashMap#LinkedHashMap(int, float)}. */
    public GrowthwatchLinkedHashMap(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
    }

    /** As {@link LinkedHashMap#LinkedHashMap(int, float, boolean)}. */
    public GrowthwatchLinkedHashMap(int initialCapacity, float loadFactor, boolean accessOrder) {
        super(initialCapacity, loadFactor, accessOrder);
    }

    /** As {@link LinkedHashMap#LinkedHashMap(Map)}. */
    public GrowthwatchLinkedHashMap(Map<? extends K, ? extends V> m) {
        super(m);
    }

    /** Copies {@code original}, a map just constructed, into this empty map: its entries, not counted. */
    final void copyEntries(LinkedHashMap<K, V> original) {
        if (!original.isEmpty()) {
            putMapEntries(original, false);
        }
    }

    @Override
    public void countInto(TrackedMap tracked) {
        this.tracked = tracked;
    }

    @Override
    public void calledFrom(int callSite) {
        pendingCallSite = callSite;
    }

    @Override
    public void hold(int callSite) {
        resumeCallSite = callSite;
        pendingCallSite = callSite;
    }

    @Override
    public void release() {
        resumeCallSite = CallSite.OUTSIDE_ID;
        pendingCallSite = CallSite.OUTSIDE_ID;
    }

    /** A key already present was inserted again or, in access order, looked up: the sampler may be watching it. */
    @Override
    void afterNodeAccess(Node<K, V> e) {
        super.afterNodeAccess(e);
        TrackedMap t = tracked;
        if (t != null) {
            t.accessed(e.hash);
        }
        returned();
    }

    /** As {@code LinkedHashMap.get}, telling the sampler which key was looked up. */
    @Override
    public V get(Object key) {
        Node<K, V> e = getNode(key);
        if (e == null) {
            return null;
        }
        lookedUp(e);
        return e.value;
    }

    /** As {@code LinkedHashMap.getOrDefault}, telling the sampler which key was looked up. */
    @Override
    public V getOrDefault(Object key, V defaultValue) {
        Node<K, V> e = getNode(key);
        if (e == null) {
            return defaultValue;
        }
        lookedUp(e);
        return e.value;
    }

    /** As {@code HashMap.containsKey}, telling the sampler which key was looked up: what a counted set's {@code contains} calls. */
    final boolean containsKeyWatched(Object key) {
        return GrowthwatchHashMap.watchedContainsKey(this, tracked, key);
    }

    @Override
    public void lookingUp(Object key) {
        GrowthwatchHashMap.lookUpWatched(this, tracked, key);
    }

    /** What {@code LinkedHashMap} does after a lookup (reorder in access order), and the sampler's mark. */
    private void lookedUp(Node<K, V> e) {
        if (accessOrder) {
            afterNodeAccess(e);
        } else {
            TrackedMap t = tracked;
            if (t != null) {
                t.accessed(e.hash);
            }
        }
    }

    /**
     * The end of an insert (and of its {@code put}): counts it, and the call returns. A twin never
     * evicts: its class is final and keeps {@code LinkedHashMap}'s {@code removeEldestEntry}, which
     * answers false (an application's LRU subclass keeps its own class, see {@code Hooks.inserted}).
     */
    @Override
    void afterNodeInsertion(boolean evict) {
        super.afterNodeInsertion(evict);
        if (!Tally.insertedPlainly(pendingCallSite, firstCallSite, firstTally, secondCallSite, secondTally)) {
            insertedElsewhere();
        }
        returned();
    }

    /** Counts an insert through the {@link TrackedMap}: a third call site's, or one of the first two counts. */
    private void insertedElsewhere() {
        TrackedMap t = tracked;
        if (t != null) {
            t.inserted(pendingCallSite);
            keepTallies(t);
        }
    }

    /** The end of a remove (and of its {@code remove}, or an iterator's): counts it, and the call returns. */
    @Override
    void afterNodeRemoval(Node<K, V> e) {
        super.afterNodeRemoval(e);
        if (!Tally.removedPlainly(pendingCallSite, firstCallSite, firstTally, secondCallSite, secondTally)) {
            removedElsewhere();
        }
        returned();
    }

    /** Counts a remove through the {@link TrackedMap}: a third call site's, or one of the first two counts. */
    private void removedElsewhere() {
        TrackedMap t = tracked;
        if (t != null) {
            t.removed(pendingCallSite);
            keepTallies(t);
        }
    }

    /** Keeps the first two tallies of {@code t} and their call sites once they exist; stores only what changed. */
    private void keepTallies(TrackedMap t) {
        if (firstTally == null) {
            Tally first = t.firstTally();
            if (first != null) {
                firstTally = first;
                firstCallSite = first.callSiteId();
            }
        } else if (secondTally == null) {
            Tally second = t.secondTally();
            if (second != null) {
                secondTally = second;
                secondCallSite = second.callSiteId();
            }
        }
    }

    /**
     * Forgets the call site that named itself, once its call returned. Not in a {@code finally}: a
     * call that throws leaves it until the next instrumented call names itself, so at most the
     * changes other code makes in between are credited to the wrong call site, and the hot methods
     * stay free of exception handlers.
     */
    final void returned() {
        pendingCallSite = resumeCallSite;
    }

    @Override
    public void callReturned() {
        returned();
    }

    /**
     * As {@code remove(key)}, for instrumented call site {@code callSite}. Inlined by force, as
     * {@link #removedNode} is: compiled on its own (it serves every call site and the sets), it grew
     * too big to inline, and every remove became a call (measured: +3 ns per remove).
     */
    @Override
    @ForceInline
    public Object removeFrom(Object key, int callSite) {
        pendingCallSite = callSite;
        Node<K, V> e = removedNode(key);
        return e == null ? null : e.value;
    }

    /**
     * Removes the mapping of {@code key} as {@code remove(key)} does, returning its node or null; a
     * remove of an absent key ends in no {@code afterNodeRemoval}, so the call site is forgotten here.
     */
    @ForceInline
    final Node<K, V> removedNode(Object key) {
        Node<K, V> e = removeNode(hash(key), key, null, false, true);
        if (e == null) {
            returned();
        }
        return e;
    }

    @Override
    public V putIfAbsent(K key, V value) {
        var result = super.putIfAbsent(key, value);
        returned();
        return result;
    }

    /** As {@code HashMap.putAll}, its call site held for every entry (each insert ends as a {@code put} does). */
    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        int resume = resumeCallSite;
        resumeCallSite = pendingCallSite;
        try {
            super.putAll(m);
        } finally { // unlike a call site's name, a held one would outlive the call
            resumeCallSite = resume;
            returned();
        }
    }

    @Override
    public boolean remove(Object key, Object value) {
        var result = super.remove(key, value);
        returned();
        return result;
    }

    /** As {@code HashMap.computeIfAbsent}; a key mapped to a value is answered here ({@link GrowthwatchHashMap#presentNode}). */
    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        Node<K, V> e = mappingFunction == null ? null : GrowthwatchHashMap.presentNode(this, key);
        if (e != null) {
            afterNodeAccess(e); // which also forgets the call site, as a put of a present key does
            return e.value;
        }
        var result = super.computeIfAbsent(key, mappingFunction);
        returned();
        return result;
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        var result = super.computeIfPresent(key, remappingFunction);
        returned();
        return result;
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        var result = super.compute(key, remappingFunction);
        returned();
        return result;
    }

    /** As {@code HashMap.merge}; a key mapped to a value is merged here ({@link GrowthwatchHashMap#presentNode}). */
    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        if (value == null || remappingFunction == null) {
            throw new NullPointerException();
        }
        Node<K, V> e = GrowthwatchHashMap.presentNode(this, key);
        if (e != null) {
            V merged = GrowthwatchHashMap.mergeIntoPresent(this, e, key, value, remappingFunction);
            returned();
            return merged;
        }
        var result = super.merge(key, value, remappingFunction);
        returned();
        return result;
    }

    /** {@code clear()} does not report each removal: the keys it held are counted at once. */
    @Override
    public void clear() {
        int keys = size();
        super.clear();
        TrackedMap t = tracked;
        if (t != null) {
            t.removed(pendingCallSite, keys);
        }
        returned();
    }

    /** A plain {@code LinkedHashMap} with the same entries, order and ordering mode. */
    @Override
    public Object clone() {
        LinkedHashMap<K, V> copy = new LinkedHashMap<>(GrowthwatchHashMap.initialCapacity(this), loadFactor, accessOrder);
        copy.putMapEntries(this, false);
        return copy;
    }

    /** Serialized as a plain {@code LinkedHashMap}, so that a JVM without growthwatch reads it. */
    protected Object writeReplace() {
        return clone();
    }
}
