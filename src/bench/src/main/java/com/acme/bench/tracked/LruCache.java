package com.acme.bench.tracked;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used cache: an access-ordered {@link LinkedHashMap} whose
 * {@code removeEldestEntry} evicts beyond the capacity. Thread-safe through its lock.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class LruCache<K, V> {

    private final Map<K, V> entries;

    /** Creates a cache holding at most {@code capacity} entries. */
    public LruCache(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The value cached under {@code key}, or null. */
    public synchronized V get(K key) {
        return entries.get(key);
    }

    /** Caches {@code value} under {@code key}, evicting the least recently used entry when full. */
    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    /** Number of entries cached. */
    public synchronized int size() {
        return entries.size();
    }
}
