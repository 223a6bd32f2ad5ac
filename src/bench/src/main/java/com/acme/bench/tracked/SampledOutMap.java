package com.acme.bench.tracked;

import java.util.HashMap;
import java.util.Map;

/**
 * The same steps as {@link HotHashMap}, on a long-lived map that the agent's sampling did not pick:
 * many maps are allocated at one site and the one kept is a plain {@code HashMap}. What remains of
 * the agent on it is the check at its instrumented call sites.
 */
public final class SampledOutMap {

    private final MapKeys keys = new MapKeys();
    private final Map<Integer, Integer> map = unpicked();

    private static Map<Integer, Integer> unpicked() {
        for (int i = 0; i < 1_000_000; i++) {
            Map<Integer, Integer> candidate = new HashMap<>();
            if (candidate.getClass() == HashMap.class && i > 1_000) {
                return candidate;
            }
        }
        throw new IllegalStateException("every map was picked for tracking");
    }

    /** Whether the map in use is the JDK's own class, not a counted twin. */
    public boolean plain() {
        return map.getClass() == HashMap.class;
    }

    /** One step: puts key {@code i}, reads the key put 256 steps ago, removes the one put 512 ago. */
    public Integer step(int i) {
        Integer key = keys.at(i);
        map.put(key, key);
        Integer read = map.get(keys.at(i - MapKeys.WINDOW / 2));
        map.remove(keys.at(i - MapKeys.WINDOW));
        return read;
    }
}
