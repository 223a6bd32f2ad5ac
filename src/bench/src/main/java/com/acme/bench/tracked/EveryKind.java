package com.acme.bench.tracked;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One long-lived map or set of each kind the agent counts with a twin ({@code HashMap},
 * {@code LinkedHashMap}, {@code ConcurrentHashMap}, {@code HashSet}, {@code LinkedHashSet}), each
 * changed through its own call sites: a service uses them all, so the hooks that every call site
 * shares have met every kind before the code measured runs.
 */
public final class EveryKind {

    /** Entries each map and set holds in its steady state: a key is removed this many steps after it was put. */
    public static final int WINDOW = MapKeys.WINDOW;

    private final MapKeys keys = new MapKeys();
    private final Map<Integer, Integer> hash = new HashMap<>();
    private final Map<Integer, Integer> linked = new LinkedHashMap<>();
    private final Map<Integer, Integer> concurrent = new ConcurrentHashMap<>();
    private final Set<Integer> hashSet = new HashSet<>();
    private final Set<Integer> linkedSet = new LinkedHashSet<>();

    /** One step on every kind: puts or adds key {@code i}, removes the one put 512 steps ago. */
    public int step(int i) {
        Integer key = keys.at(i);
        Integer old = keys.at(i - MapKeys.WINDOW);
        int changed = 0;
        for (int round = 0; round < 5; round++) {
            Map<Integer, Integer> map = round == 0 ? hash : round == 1 ? linked : concurrent;
            if (round < 3) {
                map.put(key, key);
                changed += map.remove(old) == null ? 0 : 1;
            } else {
                Set<Integer> set = round == 3 ? hashSet : linkedSet;
                set.add(key);
                changed += set.remove(old) ? 1 : 0;
            }
        }
        return changed;
    }
}
