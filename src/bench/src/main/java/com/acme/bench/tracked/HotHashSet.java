package com.acme.bench.tracked;

import java.util.HashSet;
import java.util.Set;

/**
 * A long-lived {@link HashSet} under a steady stream of add, contains and remove: the hot path of a
 * busy set of ids that does not grow. Not thread-safe: give each thread its own instance.
 */
public final class HotHashSet {

    private final MapKeys keys = new MapKeys();
    private final Set<Integer> set = new HashSet<>();

    /** One step: adds key {@code i}, asks for the key added 256 steps ago, removes the one added 512 ago. */
    public boolean step(int i) {
        set.add(keys.at(i));
        boolean seen = set.contains(keys.at(i - MapKeys.WINDOW / 2));
        set.remove(keys.at(i - MapKeys.WINDOW));
        return seen;
    }

    /** Elements held now: at most {@link MapKeys#WINDOW}. */
    public int size() {
        return set.size();
    }
}
