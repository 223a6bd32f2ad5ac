package com.acme.demo.cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used cache: a {@link LinkedHashMap} in access order that evicts its eldest
 * entry once it holds more than {@code capacity} entries. Thread-safe via synchronized methods.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class LruCache<K, V> {

    private final int capacity;
    private final Map<K, V> entries;

    /** Creates an empty cache holding at most {@code capacity} entries. */
    public LruCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > LruCache.this.capacity;
            }
        };
    }

    /** Returns the cached value for {@code key} (marking it recently used), or null when absent. */
    public synchronized V get(K key) {
        return entries.get(key);
    }

    /** Stores {@code value} under {@code key}, evicting the least recently used entry if over capacity. */
    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    /** Returns the number of cached entries (never more than the capacity). */
    public synchronized int size() {
        return entries.size();
    }

    /** Returns the maximum number of entries this cache holds. */
    public int capacity() {
        return capacity;
    }
}
