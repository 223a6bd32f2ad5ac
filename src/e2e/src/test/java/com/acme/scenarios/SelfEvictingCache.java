package com.acme.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An LRU cache whose {@code removeEldestEntry} removes the eldest entry itself and answers
 * {@code false}, as {@code LinkedHashMap}'s documentation allows: its own {@code remove} is a call
 * site of the chosen packages, made while the insert that asked is still in progress. Arguments:
 * seconds, capacity, inserts per second.
 */
public final class SelfEvictingCache {

    private final int capacity;

    private final Map<String, String> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            if (size() > capacity) {
                remove(eldest.getKey());
            }
            return false;
        }
    };

    private SelfEvictingCache(int capacity) {
        this.capacity = capacity;
    }

    public static void main(String[] args) {
        SelfEvictingCache lru = Pace.keepUntilExit(new SelfEvictingCache(Integer.parseInt(args[1])));
        long n = Pace.run(Pace.seconds(args, 14), Integer.parseInt(args[2]), i -> lru.cache.put("key-" + i, "value-" + i));
        System.out.println("self-evicting cache done puts=" + n + " size=" + lru.cache.size());
    }
}
