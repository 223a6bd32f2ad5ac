package com.acme.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An LRU cache whose class refines a bounded cache's {@code removeEldestEntry} and asks the
 * superclass's through {@code super.removeEldestEntry}, as a cache that counts its own evictions
 * does: both overrides are in the chosen packages. Arguments: seconds, capacity, inserts per second.
 */
public final class LayeredCache {

    /** A cache bounded to a capacity. */
    static class BoundedCache<K, V> extends LinkedHashMap<K, V> {
        private final int capacity;

        BoundedCache(int capacity) {
            super(16, 0.75f, true);
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > capacity;
        }
    }

    /** The bounded cache, counting what it evicts. */
    static final class CountingCache<K, V> extends BoundedCache<K, V> {
        long evictions;

        CountingCache(int capacity) {
            super(capacity);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            boolean evict = super.removeEldestEntry(eldest);
            if (evict) {
                evictions++;
            }
            return evict;
        }
    }

    private final CountingCache<String, String> cache;

    private LayeredCache(int capacity) {
        cache = new CountingCache<>(capacity);
    }

    public static void main(String[] args) {
        LayeredCache lru = Pace.keepUntilExit(new LayeredCache(Integer.parseInt(args[1])));
        long n = Pace.run(Pace.seconds(args, 14), Integer.parseInt(args[2]), i -> lru.cache.put("key-" + i, "value-" + i));
        System.out.println("layered cache done puts=" + n + " size=" + lru.cache.size() + " evictions=" + lru.cache.evictions);
    }
}
