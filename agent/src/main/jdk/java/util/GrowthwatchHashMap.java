package java.util;

import io.growthwatch.bootstrap.CallSite;
import io.growthwatch.bootstrap.Counted;
import io.growthwatch.bootstrap.Tally;
import io.growthwatch.bootstrap.TrackedMap;
import jdk.internal.vm.annotation.ForceInline;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * growthwatch's counting {@code HashMap}: a {@code HashMap} in every respect, which also counts its
 * own inserts and removes through the calls {@code HashMap} makes to itself for each of them
 * ({@code afterNodeInsertion}, {@code afterNodeRemoval}), whoever changes it: instrumented code,
 * other code, iterators, views. Maps are instances of {@link GrowthwatchTrackedHashMap}, which adds
 * nothing but the JDK class's name.
 *
 * <p>Only instances that growthwatch's sampling picked are counted; the application allocated a
 * plain {@code HashMap}, and {@link GrowthwatchTwins} copies it right after its
 * construction. Compiled against {@code java.base} and defined at run time in {@code java.util}, the
 * only package whose classes can override those package-private methods. It serializes as a plain
 * {@code HashMap}, and its {@code clone()} is a plain {@code HashMap}. A map made through one of the
 * public constructors (by code that instantiates a map's own class) counts nothing.
 *
 * <p>It overrides none of the public methods the JDK's own classes call on a field typed
 * {@code HashMap} in their hot paths ({@code put}, {@code remove(Object)}, {@code containsKey}: what
 * {@code HashSet} calls): while no loaded class overrides them, the JIT binds such calls without a
 * type check and inlines them, for every set of the JVM (class hierarchy analysis; measured: with
 * those overrides defined, an untracked {@code HashSet}'s add+contains+remove ran 6 % slower). So the call
 * site named by an instrumented call is forgotten where each such call ends instead: in
 * {@code afterNodeInsertion}, {@code afterNodeAccess} or {@code afterNodeRemoval}. A remove of an
 * absent key ends in none of them: an instrumented {@code remove(key)} passes its call site into
 * {@link #removeFrom} instead, which forgets it then (where the class file has no frames for that
 * branch, the call site calls {@link #callReturned} after its call). A lookup
 * through {@code containsKey} reaches the sampler's key watch from instrumented call sites
 * ({@link #lookingUp}).
 */
public class GrowthwatchHashMap<K, V> extends HashMap<K, V> implements Counted {

    private static final long serialVersionUID = 1L;

    private transient TrackedMap tracked;

    /**
     * The instrumented call site whose call is in progress, or {@link CallSite#OUTSIDE_ID}: what
     * inserts and removes are credited to. A field of the map itself, not of its {@link TrackedMap}
     * (measured: naming and forgetting the call site through that object cost about as much as all
     * the counting); this map is used by one thread at a time and its mutations write it anyway.
     */
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

    /** As {@link HashMap#HashMap()}. */
    public GrowthwatchHashMap() {
    }

    /** As {@link HashMap#HashMap(int)}. */
    public GrowthwatchHashMap(int initialCapacity) {
        super(initialCapacity);
    }

    /** As {@link HashMap#HashMap(int, float)}. */
    public GrowthwatchHashMap(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
    }

    /** As {@link HashMap#HashMap(Map)}. */
    public GrowthwatchHashMap(Map<? extends K, ? extends V> m) {
        super(m);
    }

    /** Copies {@code original}, a map just constructed, into this empty map: its entries, not counted. */
    final void copyEntries(HashMap<K, V> original) {
        if (!original.isEmpty()) {
            putMapEntries(original, false);
        }
    }

    /** The table length a copy of {@code map} starts with: its table's, or the one it was sized for. */
    static int initialCapacity(HashMap<?, ?> map) {
        Node<?, ?>[] table = map.table;
        if (table != null) {
            return table.length;
        }
        return map.threshold > 0 ? map.threshold : 16;
    }

    /**
     * The node of {@code key} in {@code map} when the key is mapped to a value and no table growth is
     * pending ({@code size <= threshold}: the JDK's compute methods would grow the table first), else
     * null. Such a call a twin answers itself, without entering {@code HashMap}'s compiled method,
     * whose calls to {@code afterNodeAccess}/{@code afterNodeInsertion} every map of the JVM shares:
     * a counted map passing through them makes them slower for all (measured: +40 % for uncounted
     * maps' compute calls in the same JVM).
     */
    static <K, V> Node<K, V> presentNode(HashMap<K, V> map, Object key) {
        if (map.size > map.threshold) {
            return null;
        }
        Node<K, V> e = map.getNode(key);
        return e != null && e.value != null ? e : null;
    }

    /**
     * {@code HashMap.merge} of {@code value} into {@code e}, the {@link #presentNode} of {@code key}:
     * applies the function with the JDK's {@code ConcurrentModificationException} check, then
     * replaces the value or removes the key, as the JDK's method does.
     */
    static <K, V> V mergeIntoPresent(HashMap<K, V> map, Node<K, V> e, K key, V value,
                                     BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        int mc = map.modCount;
        V merged = remappingFunction.apply(e.value, value);
        if (mc != map.modCount) {
            throw new ConcurrentModificationException();
        }
        if (merged != null) {
            e.value = merged;
            map.afterNodeAccess(e);
        } else {
            map.removeNode(e.hash, key, null, false, true);
        }
        return merged;
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

    /**
     * A key already present was inserted again (the end of such a {@code put}: the call returns) or
     * changed in place ({@code replace}, {@code merge}, the {@code compute} family): the sampler may be watching it.
     */
    @Override
    void afterNodeAccess(Node<K, V> e) {
        lookedUp(e);
        returned();
    }

    /** As {@code HashMap.get}, telling the sampler which key was looked up. */
    @Override
    public V get(Object key) {
        Node<K, V> e = getNode(key);
        if (e == null) {
            return null;
        }
        lookedUp(e);
        return e.value;
    }

    /** As {@code HashMap.getOrDefault}, telling the sampler which key was looked up. */
    @Override
    public V getOrDefault(Object key, V defaultValue) {
        Node<K, V> e = getNode(key);
        if (e == null) {
            return defaultValue;
        }
        lookedUp(e);
        return e.value;
    }

    /** Tells the sampler that the key of {@code e} was looked up: a lookup names no call site, so none is forgotten. */
    private void lookedUp(Node<K, V> e) {
        TrackedMap t = tracked;
        if (t != null) {
            t.accessed(e.hash);
        }
    }

    /** As {@code HashMap.containsKey}, telling the sampler which key was looked up: what a counted set's {@code contains} calls. */
    final boolean containsKeyWatched(Object key) {
        return watchedContainsKey(this, tracked, key);
    }

    /** {@code map.containsKey(key)} for a twin counting into {@code t} (null: not yet), telling {@code t} which key was looked up. */
    static boolean watchedContainsKey(HashMap<?, ?> map, TrackedMap t, Object key) {
        Node<?, ?> e = map.getNode(key);
        if (e == null) {
            return false;
        }
        if (t != null) {
            t.accessed(e.hash);
        }
        return true;
    }

    /**
     * Looks {@code key} up in {@code map}, a twin counting into {@code t}, for the key watch, while a
     * key of it is watched: an instrumented {@code containsKey} is about to run (see
     * {@link #lookingUp}). Calls the key's {@code hashCode}/{@code equals} once more than the
     * application's call does; a key whose methods throw is left to that call, which throws the same.
     */
    static void lookUpWatched(HashMap<?, ?> map, TrackedMap t, Object key) {
        if (t != null && t.watching()) {
            try {
                watchedContainsKey(map, t, key);
            } catch (Throwable ignored) {
                // the application's own containsKey, next, raises it where the application expects it
            }
        }
    }

    @Override
    public void lookingUp(Object key) {
        lookUpWatched(this, tracked, key);
    }

    /** The end of an insert (and of its {@code put}): counts it, and the call returns. */
    @Override
    void afterNodeInsertion(boolean evict) {
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
        Node<K, V> e = mappingFunction == null ? null : presentNode(this, key);
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
        Node<K, V> e = presentNode(this, key);
        if (e != null) {
            V merged = mergeIntoPresent(this, e, key, value, remappingFunction);
            returned();
            return merged;
        }
        var result = super.merge(key, value, remappingFunction);
        returned();
        return result;
    }

    /** {@code HashMap.clear()} does not report each removal: the keys it held are counted at once. */
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

    /** A plain {@code HashMap} with the same entries: what a clone of the application's map would be. */
    @Override
    public Object clone() {
        HashMap<K, V> copy = new HashMap<>(initialCapacity(this), loadFactor);
        copy.putMapEntries(this, false);
        return copy;
    }

    /**
     * Serialized as a plain {@code HashMap}, so that a JVM without growthwatch reads it. Declared
     * here, not in the class of the instances, so that reflection finds it under this class's name.
     */
    protected Object writeReplace() {
        return clone();
    }
}
