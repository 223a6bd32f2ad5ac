package com.acme.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two LRU caches of one class, fed in turn through one call site, as a service keeps one cache per
 * purpose: both maps come from one allocation site and the call site meets the other one on every
 * call. Arguments: seconds, capacity of each, inserts per second.
 */
public final class TwoFillingCaches {

    private final int capacity;

    private final Map<String, String> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > capacity;
        }
    };

    private TwoFillingCaches(int capacity) {
        this.capacity = capacity;
    }

    private void put(String key) {
        cache.put(key, key);
    }

    public static void main(String[] args) {
        int capacity = Integer.parseInt(args[1]);
        TwoFillingCaches first = Pace.keepUntilExit(new TwoFillingCaches(capacity));
        TwoFillingCaches second = Pace.keepUntilExit(new TwoFillingCaches(capacity));
        long n = Pace.run(Pace.seconds(args, 14), Integer.parseInt(args[2]), i -> ((i & 1) == 0 ? first : second).put("key-" + i));
        System.out.println("two filling caches done puts=" + n + " sizes=" + first.cache.size() + "," + second.cache.size());
    }
}
