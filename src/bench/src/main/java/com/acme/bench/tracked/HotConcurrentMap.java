package com.acme.bench.tracked;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A long-lived {@link ConcurrentHashMap} under a steady stream of put, get and remove, safe to share
 * between threads; each thread should start its cursor at a different offset.
 */
public final class HotConcurrentMap {

    private final MapKeys keys = new MapKeys();
    private final ConcurrentMap<Integer, Integer> map = new ConcurrentHashMap<>();

    /** One step: puts key {@code i}, reads the key put 256 steps ago, removes the one put 512 ago. */
    public Integer step(int i) {
        Integer key = keys.at(i);
        map.put(key, key);
        Integer read = map.get(keys.at(i - MapKeys.WINDOW / 2));
        map.remove(keys.at(i - MapKeys.WINDOW));
        return read;
    }

    /** Entries held now. */
    public int size() {
        return map.size();
    }
}
