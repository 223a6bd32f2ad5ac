package com.acme.bench.tracked;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded least-recently-used cache as services write it: an application subclass of
 * {@link LinkedHashMap} in access order whose {@code removeEldestEntry} keeps it at {@link #CAPACITY}
 * entries. It cannot be a counted twin, so the agent counts it from its sizes and its evictions.
 * Not thread-safe: give each thread its own instance.
 */
public final class BoundedCache {

    /** Entries the cache holds in its steady state. */
    static final int CAPACITY = MapKeys.WINDOW / 2;

    private final MapKeys keys = new MapKeys();
    private final Map<Integer, Integer> map = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Integer> eldest) {
            return size() > CAPACITY;
        }
    };

    /** One step: puts key {@code i}, a miss that evicts the eldest entry, and reads the key put {@code CAPACITY / 2} steps ago, a hit. */
    public Integer step(int i) {
        Integer key = keys.at(i);
        map.put(key, key);
        return map.get(keys.at(i - CAPACITY / 2));
    }

    /** Entries held now: at most {@link #CAPACITY}. */
    public int size() {
        return map.size();
    }
}
