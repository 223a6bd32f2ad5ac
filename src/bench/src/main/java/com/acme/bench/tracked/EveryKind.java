package com.acme.bench.tracked;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One long-lived map or set of each kind the agent counts with a twin ({@code HashMap},
 * {@code LinkedHashMap}, {@code ConcurrentHashMap}, {@code HashSet}, {@code LinkedHashSet}), changed
 * through the same few call sites (one put and one remove for the maps, one add and one remove for the
 * sets): a service uses them all, so the hooks that every call site shares have met every kind before
 * the code measured runs.
 */
public final class EveryKind {

    /** Entries each map and set holds in its steady state: a key is removed this many steps after it was put. */
    public static final int WINDOW = MapKeys.WINDOW;

    private final MapKeys keys = new MapKeys();
    private final List<Map<Integer, Integer>> maps = List.of(new HashMap<>(), new LinkedHashMap<>(), new ConcurrentHashMap<>());
    private final List<Set<Integer>> sets = List.of(new HashSet<>(), new LinkedHashSet<>());

    /** One step on every kind: puts or adds key {@code i}, removes the one put {@link #WINDOW} steps ago; returns how many it removed. */
    public int step(int i) {
        Integer key = keys.at(i);
        Integer old = keys.at(i - WINDOW);
        int removed = 0;
        for (Map<Integer, Integer> map : maps) {
            map.put(key, key);
            removed += map.remove(old) == null ? 0 : 1;
        }
        for (Set<Integer> set : sets) {
            set.add(key);
            removed += set.remove(old) ? 1 : 0;
        }
        return removed;
    }
}
