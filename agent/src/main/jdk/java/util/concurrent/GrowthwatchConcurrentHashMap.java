package java.util.concurrent;

import io.growthwatch.bootstrap.Counted;
import io.growthwatch.bootstrap.PendingCall;
import io.growthwatch.bootstrap.Recording;
import io.growthwatch.bootstrap.Tally;
import io.growthwatch.bootstrap.TrackedMap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * growthwatch's counting {@code ConcurrentHashMap}; maps are instances of
 * {@link GrowthwatchTrackedConcurrentHashMap}. {@code ConcurrentHashMap} has no internal calls to
 * count from, so this class counts from the results of its public mutation methods, exactly even
 * when threads race on one key (functions given to {@code compute}-style methods are wrapped to learn
 * whether the map called them). Removals through views and iterators go uncounted; the agent sees
 * them in the sizes. Serializes as a plain {@code ConcurrentHashMap}.
 */
public class GrowthwatchConcurrentHashMap<K, V> extends ConcurrentHashMap<K, V> implements Counted {

    private static final long serialVersionUID = 1L;

    private static final VarHandle SIZE_CTL = sizeCtl();

    private transient TrackedMap tracked;

    /** The instrumented call site whose call is in progress, per thread: an object apart, so that naming never writes the map's cache lines. */
    private final transient PendingCall call = new PendingCall();

    /**
     * {@link TrackedMap#firstTally} and {@link TrackedMap#secondTally}, kept once they exist (set
     * once, never changed; a {@code Tally}'s final fields make the racy publication safe, and a
     * thread that still sees null counts through the {@code TrackedMap}): the inserting and the
     * removing call site are then counted without the look-up. Written only while null, so that
     * threads do not keep writing the cache line the map's readers load.
     */
    private transient Tally firstTally;
    private transient Tally secondTally; // see firstTally

    /** As {@link ConcurrentHashMap#ConcurrentHashMap()}. */
    public GrowthwatchConcurrentHashMap() {
    }

    /** As {@link ConcurrentHashMap#ConcurrentHashMap(int)}. */
    public GrowthwatchConcurrentHashMap(int initialCapacity) {
        super(initialCapacity);
    }

    /** As {@link ConcurrentHashMap#ConcurrentHashMap(Map)}. */
    public GrowthwatchConcurrentHashMap(Map<? extends K, ? extends V> m) {
        super(m);
    }

    /** As {@link ConcurrentHashMap#ConcurrentHashMap(int, float)}. */
    public GrowthwatchConcurrentHashMap(int initialCapacity, float loadFactor) {
        super(initialCapacity, loadFactor);
    }

    /** As {@link ConcurrentHashMap#ConcurrentHashMap(int, float, int)}. */
    public GrowthwatchConcurrentHashMap(int initialCapacity, float loadFactor, int concurrencyLevel) {
        super(initialCapacity, loadFactor, concurrencyLevel);
    }

    /** Gives this empty map the initial table size and the entries (not counted) of {@code original}, a map just constructed. */
    final void copyOf(ConcurrentHashMap<K, V> original) {
        Node<K, V>[] table = original.table;
        if (SIZE_CTL != null) {
            SIZE_CTL.setVolatile(this, table != null ? table.length : (int) SIZE_CTL.getVolatile(original));
        }
        if (!original.isEmpty()) {
            super.putAll(original);
        }
    }

    private static VarHandle sizeCtl() {
        try {
            return MethodHandles.privateLookupIn(ConcurrentHashMap.class, MethodHandles.lookup())
                    .findVarHandle(ConcurrentHashMap.class, "sizeCtl", int.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // the twin then starts with the default table size
        }
    }

    @Override
    public void countInto(TrackedMap tracked) {
        this.tracked = tracked;
    }

    @Override
    public void calledFrom(int callSite) {
        call.calledFrom(callSite);
    }

    @Override
    public void hold(int callSite) {
        call.hold(callSite);
    }

    @Override
    public void release() {
        call.release();
    }

    /** Forgets the call site that named itself, once its call returned (see {@code GrowthwatchHashMap}); returns it. */
    private int returned() {
        return call.returned();
    }

    private void inserted() {
        inserted(call.callSite());
    }

    /** Counts one key inserted by {@code callSite}, known already (see {@link PendingCall#returned}). */
    private void inserted(int callSite) {
        if (!Tally.insertedConcurrently(firstTally, secondTally, callSite)) {
            insertedElsewhere(callSite);
        }
    }

    /** Counts an insert through the {@link TrackedMap}: a third call site's, or one of the first two counts. */
    private void insertedElsewhere(int callSite) {
        TrackedMap t = tracked;
        if (t != null) {
            t.inserted(callSite);
            keepTallies(t);
        }
    }

    /** Counts one key removed by {@code callSite}, known already (see {@link PendingCall#returned}). */
    private void removed(int callSite) {
        if (!Tally.removedConcurrently(firstTally, secondTally, callSite)) {
            removedElsewhere(callSite);
        }
    }

    /** Counts a remove through the {@link TrackedMap}: a third call site's, or one of the first two counts. */
    private void removedElsewhere(int callSite) {
        TrackedMap t = tracked;
        if (t != null) {
            t.removed(callSite);
            keepTallies(t);
        }
    }

    /** Keeps the first two tallies of {@code t} once they exist; stores only while null. */
    private void keepTallies(TrackedMap t) {
        if (firstTally == null) {
            firstTally = t.firstTally();
        } else if (secondTally == null) {
            secondTally = t.secondTally();
        }
    }

    /**
     * {@code key}, already present, was looked up or inserted again: the sampler may be watching it.
     * Hashes the key only while a key of this map is watched.
     */
    private void accessed(Object key) {
        TrackedMap t = tracked;
        if (t != null && t.keyWatch() == TrackedMap.WATCHING) {
            t.accessed(spread(key.hashCode()));
        }
    }

    /** As {@code ConcurrentHashMap.get}, telling the sampler which key was looked up. */
    @Override
    public V get(Object key) {
        V value = super.get(key);
        if (value != null) {
            accessed(key);
        }
        return value;
    }

    /** As {@code ConcurrentHashMap.containsKey}, telling the sampler which key was looked up. */
    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** As {@code ConcurrentHashMap.getOrDefault}, telling the sampler which key was looked up. */
    @Override
    public V getOrDefault(Object key, V defaultValue) {
        V value = get(key);
        return value == null ? defaultValue : value;
    }

    @Override
    public V put(K key, V value) {
        return putted(key, super.put(key, value), returned());
    }

    /** As {@link #put}, for instrumented call site {@code callSite}, which names itself (see {@link GrowthwatchConcurrentTwins}). */
    final V putFrom(K key, V value, int callSite) {
        return putted(key, super.put(key, value), callSite);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return putted(key, super.putIfAbsent(key, value), returned());
    }

    /** As {@link #putIfAbsent}, for instrumented call site {@code callSite}. */
    final V putIfAbsentFrom(K key, V value, int callSite) {
        return putted(key, super.putIfAbsent(key, value), callSite);
    }

    /** Counts a put by {@code callSite} that found {@code previous} (null: {@code key} is new); returns {@code previous}. */
    private V putted(K key, V previous, int callSite) {
        if (previous == null) {
            inserted(callSite);
        } else {
            accessed(key);
        }
        return previous;
    }

    /** Puts each entry as {@code ConcurrentHashMap.putAll} does, counting the new keys. */
    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        try {
            for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
                if (super.put(e.getKey(), e.getValue()) == null) {
                    inserted();
                }
            }
        } finally {
            returned();
        }
    }

    @Override
    public V remove(Object key) {
        return removedKey(super.remove(key), returned());
    }

    /** As {@link #remove(Object)}, for instrumented call site {@code callSite}. */
    @Override
    public V removeFrom(Object key, int callSite) {
        return removedKey(super.remove(key), callSite);
    }

    /** Counts a remove by {@code callSite} that found {@code previous} (null: no key left); returns {@code previous}. */
    private V removedKey(V previous, int callSite) {
        if (previous != null) {
            removed(callSite);
        }
        return previous;
    }

    @Override
    public boolean remove(Object key, Object value) {
        try {
            return removeFrom(key, value, call.callSite());
        } finally {
            returned();
        }
    }

    /** As {@link #remove(Object, Object)}, for instrumented call site {@code callSite}. */
    final boolean removeFrom(Object key, Object value, int callSite) {
        boolean removed = super.remove(key, value);
        if (removed) {
            removed(callSite);
        }
        return removed;
    }

    /**
     * Whether the calling thread may use this map's own recordings: it is the map's owner (the first
     * thread that asked, set once) and is not inside one of its own calls already (a function that
     * calls this map again). Other threads wrap their functions in recordings of their own.
     */
    private boolean mayReuseRecordings() {
        long me = Thread.currentThread().getId();
        long owner = recordingOwner;
        if (owner != me && (owner != NO_OWNER || !OWNER.compareAndSet(this, NO_OWNER, me))) {
            return false;
        }
        if (recordingInUse) {
            return false;
        }
        recordingInUse = true;
        return true;
    }

    private static final long NO_OWNER = -1;
    private static final VarHandle OWNER = owner();

    private static VarHandle owner() {
        try {
            return MethodHandles.lookup().findVarHandle(GrowthwatchConcurrentHashMap.class, "recordingOwner", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private transient volatile long recordingOwner = NO_OWNER;
    private transient boolean recordingInUse; // the owner's only
    private transient Recording.IfAbsent ownIfAbsent;
    private transient Recording.Remapping ownRemapping;
    private transient Recording.Merging ownMerging;

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        try {
            return computeIfAbsentFrom(key, mappingFunction, call.callSite());
        } finally {
            returned();
        }
    }

    /** As {@link #computeIfAbsent}, for instrumented call site {@code callSite}. */
    @SuppressWarnings("unchecked")
    final V computeIfAbsentFrom(K key, Function<? super K, ? extends V> mappingFunction, int callSite) {
        if (tracked == null || key == null || mappingFunction == null) {
            return super.computeIfAbsent(key, mappingFunction); // the map rejects nulls itself
        }
        V present = super.get(key);
        if (present != null) {
            accessed(key);
            return present; // as the map would: the function is not called for a present key
        }
        Function<Object, Object> f = (Function<Object, Object>) mappingFunction;
        boolean own = mayReuseRecordings();
        Recording.IfAbsent recording = !own ? new Recording.IfAbsent(f)
                : (ownIfAbsent == null ? ownIfAbsent = new Recording.IfAbsent(f) : ownIfAbsent.arm(f));
        try {
            V result = super.computeIfAbsent(key, (Function<? super K, ? extends V>) (Function<?, ?>) recording);
            if (recording.ran && result != null) {
                inserted(callSite);
            }
            return result;
        } finally {
            if (own) {
                recordingInUse = false;
            }
        }
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        try {
            return computeIfPresentFrom(key, remappingFunction, call.callSite());
        } finally {
            returned();
        }
    }

    /** As {@link #computeIfPresent}, for instrumented call site {@code callSite}. */
    final V computeIfPresentFrom(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction, int callSite) {
        if (tracked == null || key == null || remappingFunction == null) {
            return super.computeIfPresent(key, remappingFunction);
        }
        return remap(key, remappingFunction, true, callSite);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        try {
            return computeFrom(key, remappingFunction, call.callSite());
        } finally {
            returned();
        }
    }

    /** As {@link #compute}, for instrumented call site {@code callSite}. */
    final V computeFrom(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction, int callSite) {
        if (tracked == null || key == null || remappingFunction == null) {
            return super.compute(key, remappingFunction);
        }
        return remap(key, remappingFunction, false, callSite);
    }

    /** {@code compute} or {@code computeIfPresent} by {@code callSite} through a recording of the function. */
    @SuppressWarnings("unchecked")
    private V remap(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction, boolean ifPresent, int callSite) {
        BiFunction<Object, Object, Object> f = (BiFunction<Object, Object, Object>) remappingFunction;
        boolean own = mayReuseRecordings();
        Recording.Remapping recording = !own ? new Recording.Remapping(f)
                : (ownRemapping == null ? ownRemapping = new Recording.Remapping(f) : ownRemapping.arm(f));
        try {
            BiFunction<? super K, ? super V, ? extends V> wrapped = (BiFunction<? super K, ? super V, ? extends V>) (BiFunction<?, ?, ?>) recording;
            V result = ifPresent ? super.computeIfPresent(key, wrapped) : super.compute(key, wrapped);
            boolean had = recording.ran && recording.hadValue;
            if (had) {
                accessed(key);
            }
            if (!had && result != null) {
                inserted(callSite);
            } else if (had && result == null) {
                removed(callSite);
            }
            return result;
        } finally {
            if (own) {
                recordingInUse = false;
            }
        }
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        try {
            return mergeFrom(key, value, remappingFunction, call.callSite());
        } finally {
            returned();
        }
    }

    /** As {@link #merge}, for instrumented call site {@code callSite}. */
    @SuppressWarnings("unchecked")
    final V mergeFrom(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction, int callSite) {
        if (tracked == null || key == null || value == null || remappingFunction == null) {
            return super.merge(key, value, remappingFunction);
        }
        BiFunction<Object, Object, Object> f = (BiFunction<Object, Object, Object>) remappingFunction;
        boolean own = mayReuseRecordings();
        Recording.Merging recording = !own ? new Recording.Merging(f)
                : (ownMerging == null ? ownMerging = new Recording.Merging(f) : ownMerging.arm(f));
        try {
            V result = super.merge(key, value, (BiFunction<? super V, ? super V, ? extends V>) (BiFunction<?, ?, ?>) recording);
            if (recording.ran) {
                accessed(key);
            }
            if (!recording.ran && result != null) {
                inserted(callSite);
            } else if (recording.ran && result == null) {
                removed(callSite);
            }
            return result;
        } finally {
            if (own) {
                recordingInUse = false;
            }
        }
    }

    /** Counts the keys that left during the call, which other threads' calls may blur. */
    @Override
    public void clear() {
        try {
            long before = mappingCount();
            super.clear();
            TrackedMap t = tracked;
            if (t != null) {
                t.removed(call.callSite(), (int) Math.max(0, Math.min(Integer.MAX_VALUE, before - mappingCount())));
            }
        } finally {
            returned();
        }
    }

    /**
     * Serialized as a plain {@code ConcurrentHashMap}, so that a JVM without growthwatch reads it: one
     * with the same table length and the entries put in table order, which serializes to the same bytes.
     */
    protected Object writeReplace() {
        ConcurrentHashMap<K, V> copy = new ConcurrentHashMap<>();
        Node<K, V>[] t = table;
        if (SIZE_CTL != null && t != null) {
            SIZE_CTL.setVolatile(copy, t.length);
        }
        for (Map.Entry<K, V> e : entrySet()) {
            copy.put(e.getKey(), e.getValue());
        }
        return copy;
    }
}
