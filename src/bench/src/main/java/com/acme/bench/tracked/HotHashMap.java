package com.acme.bench.tracked;

import java.util.HashMap;
import java.util.Map;

/**
 * A long-lived {@link HashMap} under a steady stream of put, get and remove: the hot path of a busy
 * map that does not grow. Not thread-safe: give each thread its own instance.
 */
public final class HotHashMap {

    private final MapKeys keys = new MapKeys();
    private final Map<Integer, Integer> map = new HashMap<>();

    /** One step: puts key {@code i}, reads the key put 256 steps ago, removes the one put 512 ago. */
    public Integer step(int i) {
        Integer key = keys.at(i);
        map.put(key, key);
        Integer read = map.get(keys.at(i - MapKeys.WINDOW / 2));
        map.remove(keys.at(i - MapKeys.WINDOW));
        return read;
    }

    /** Entries held now: at most {@link MapKeys#WINDOW}. */
    public int size() {
        return map.size();
    }
}
