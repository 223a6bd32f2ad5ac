package com.acme.compat.jit;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Adds, looks up and removes elements of one plain {@code HashSet} and one plain
 * {@code LinkedHashSet} long enough for the JIT to compile {@link #step}, then prints the sizes:
 * the sets every service has outside the chosen packages, whose methods call the same
 * {@code HashMap} methods of their backing maps. Run with
 * {@code -XX:CompileCommand=option,com.acme.compat.jit.PlainSets::step,PrintInlining}.
 */
public final class PlainSets {

    private static final int KEYS = 1024;

    private final Set<Integer> hashSet = new HashSet<>();
    private final Set<Integer> linkedSet = new LinkedHashSet<>();

    /** Adds key {@code i} to both sets, asks for and removes the key added half the key space ago. */
    private int step(int i) {
        Integer key = i % KEYS;
        Integer old = (i + KEYS / 2) % KEYS;
        int hits = 0;
        hashSet.add(key);
        hits += hashSet.contains(old) ? 1 : 0;
        hits += hashSet.remove(old) ? 1 : 0;
        linkedSet.add(key);
        hits += linkedSet.contains(old) ? 1 : 0;
        hits += linkedSet.remove(old) ? 1 : 0;
        return hits;
    }

    public static void main(String[] args) {
        PlainSets sets = new PlainSets();
        int steps = Integer.parseInt(args[0]);
        long hits = 0;
        for (int i = 0; i < steps; i++) {
            hits += sets.step(i);
        }
        System.out.println("hits " + hits + " sizes " + sets.hashSet.size() + " " + sets.linkedSet.size());
    }
}
