package com.acme.bench.tracked;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A long-lived map kept by {@code computeIfAbsent} and {@code merge}, as counters and memo tables
 * are: each step memoizes one key (new or already there), bumps a counter, and drops the key put
 * {@link MapKeys#WINDOW} steps ago. Not thread-safe: give each thread its own instance.
 */
public final class ComputedCounts {

    private static final Function<Integer, Integer> SQUARE = k -> k * k;

    private final MapKeys keys = new MapKeys();
    private final Map<Integer, Integer> map;

    private ComputedCounts(Map<Integer, Integer> map) {
        this.map = map;
    }

    /** Over a {@code HashMap}. */
    public static ComputedCounts hashMap() {
        return new ComputedCounts(new HashMap<>());
    }

    /** Over a {@code ConcurrentHashMap}. */
    public static ComputedCounts concurrentHashMap() {
        return new ComputedCounts(new ConcurrentHashMap<>());
    }

    /** One step: memoizes key {@code i} and the one 64 steps ago, counts under key {@code i % 64}, drops an old key. */
    public Integer step(int i) {
        Integer memo = map.computeIfAbsent(keys.at(i), SQUARE);
        map.computeIfAbsent(keys.at(i - 64), SQUARE);
        map.merge(keys.at(i & 63), 1, Integer::sum);
        map.remove(keys.at(i - MapKeys.WINDOW));
        return memo;
    }
}
