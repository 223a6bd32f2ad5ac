package com.acme.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;

/** A LinkedHashMap bounded by removeEldestEntry, fed new keys all the time. */
public final class LruCache {

    private static final int CAPACITY = 500;

    private final Map<String, String> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    public static void main(String[] args) {
        LruCache lru = new LruCache();
        long n = Pace.run(Pace.seconds(args, 30), 2000, i -> lru.cache.put("key-" + i, "value-" + i));
        System.out.println("lru done puts=" + n + " size=" + lru.cache.size());
    }
}
