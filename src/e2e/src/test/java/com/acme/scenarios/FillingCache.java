package com.acme.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An LRU cache bounded by {@code removeEldestEntry}, as frameworks keep them (Spring's view caches,
 * Tomcat's): fed new keys, it grows like a leak until it reaches its capacity. Arguments: seconds,
 * capacity (a capacity it never reaches makes it a leak after all), inserts per second.
 */
public final class FillingCache {

    private final int capacity;

    private final Map<String, String> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > capacity;
        }
    };

    private FillingCache(int capacity) {
        this.capacity = capacity;
    }

    public static void main(String[] args) {
        FillingCache lru = Pace.keepUntilExit(new FillingCache(Integer.parseInt(args[1])));
        long n = Pace.run(Pace.seconds(args, 14), Integer.parseInt(args[2]), i -> lru.cache.put("key-" + i, "value-" + i));
        System.out.println("filling cache done puts=" + n + " size=" + lru.cache.size());
    }
}
