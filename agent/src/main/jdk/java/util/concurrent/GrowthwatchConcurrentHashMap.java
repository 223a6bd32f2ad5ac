package java.util.concurrent;

import io.growthwatch.bootstrap.Counted;
import io.growthwatch.bootstrap.Recording;
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
        TrackedMap t = tracked;
        if (t != null) {
            t.calledFrom(callSite);
        }
    }

    private void returned() {
        TrackedMap t = tracked;
        if (t != null) {
            t.callReturned();
        }
    }

    private void inserted() {
        TrackedMap t = tracked;
        if (t != null) {
            t.inserted();
        }
    }

    private void removed() {
        TrackedMap t = tracked;
        if (t != null) {
            t.removed();
        }
    }

    @Override
    public V put(K key, V value) {
        try {
            V previous = super.put(key, value);
            if (previous == null) {
                inserted();
            }
            return previous;
        } finally {
            returned();
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        try {
            V previous = super.putIfAbsent(key, value);
            if (previous == null) {
                inserted();
            }
            return previous;
        } finally {
            returned();
        }
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
        try {
            V previous = super.remove(key);
            if (previous != null) {
                removed();
            }
            return previous;
        } finally {
            returned();
        }
    }

    @Override
    public boolean remove(Object key, Object value) {
        try {
            boolean removed = super.remove(key, value);
            if (removed) {
                removed();
            }
            return removed;
        } finally {
            returned();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        try {
            if (tracked == null || key == null || mappingFunction == null) {
                return super.computeIfAbsent(key, mappingFunction); // the map rejects nulls itself
            }
            V present = super.get(key);
            if (present != null) {
                return present; // as the map would: the function is not called for a present key
            }
            Recording.IfAbsent recording = new Recording.IfAbsent((Function<Object, Object>) mappingFunction);
            V result = super.computeIfAbsent(key, (Function<? super K, ? extends V>) (Function<?, ?>) recording);
            if (recording.ran && result != null) {
                inserted();
            }
            return result;
        } finally {
            returned();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        try {
            if (tracked == null || key == null || remappingFunction == null) {
                return super.computeIfPresent(key, remappingFunction);
            }
            Recording.Remapping recording = new Recording.Remapping((BiFunction<Object, Object, Object>) remappingFunction);
            V result = super.computeIfPresent(key, (BiFunction<? super K, ? super V, ? extends V>) (BiFunction<?, ?, ?>) recording);
            if (recording.ran && result == null) {
                removed();
            }
            return result;
        } finally {
            returned();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        try {
            if (tracked == null || key == null || remappingFunction == null) {
                return super.compute(key, remappingFunction);
            }
            Recording.Remapping recording = new Recording.Remapping((BiFunction<Object, Object, Object>) remappingFunction);
            V result = super.compute(key, (BiFunction<? super K, ? super V, ? extends V>) (BiFunction<?, ?, ?>) recording);
            boolean had = recording.ran && recording.hadValue;
            if (!had && result != null) {
                inserted();
            } else if (had && result == null) {
                removed();
            }
            return result;
        } finally {
            returned();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        try {
            if (tracked == null || key == null || value == null || remappingFunction == null) {
                return super.merge(key, value, remappingFunction);
            }
            Recording.Merging recording = new Recording.Merging((BiFunction<Object, Object, Object>) remappingFunction);
            V result = super.merge(key, value, (BiFunction<? super V, ? super V, ? extends V>) (BiFunction<?, ?, ?>) recording);
            if (!recording.ran && result != null) {
                inserted();
            } else if (recording.ran && result == null) {
                removed();
            }
            return result;
        } finally {
            returned();
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
                t.removed((int) Math.max(0, Math.min(Integer.MAX_VALUE, before - mappingCount())));
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
