package com.acme.compat.jit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Changes one long-lived map or set of every kind the agent counts with a twin through the same few
 * call sites, long enough for the JIT to compile {@link #step} with everything it calls, then prints
 * the sizes. Run with {@code -XX:CompileCommand=option,com.acme.compat.jit.EveryTwin::step,PrintInlining}
 * to see how the hooks before those calls were compiled.
 */
public final class EveryTwin {

    private static final int KEYS = 1024;

    private final Map<Integer, Integer>[] maps;
    private final Set<Integer>[] sets;

    @SuppressWarnings("unchecked")
    private EveryTwin() {
        maps = new Map[] {new HashMap<>(), new LinkedHashMap<>(), new ConcurrentHashMap<>()};
        sets = new Set[] {new HashSet<>(), new LinkedHashSet<>()};
    }

    /** Puts key {@code i} into every map and set and removes the key put half the key space ago. */
    private int step(int i) {
        Integer key = i % KEYS;
        Integer old = (i + KEYS / 2) % KEYS;
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

    public static void main(String[] args) {
        EveryTwin every = new EveryTwin();
        int steps = Integer.parseInt(args[0]);
        long removed = 0;
        for (int i = 0; i < steps; i++) {
            removed += every.step(i);
        }
        System.out.println("removed " + removed);
        for (Map<Integer, Integer> map : every.maps) {
            System.out.println(map.getClass().getName() + " size " + map.size());
        }
        for (Set<Integer> set : every.sets) {
            System.out.println(set.getClass().getName() + " size " + set.size());
        }
    }
}
