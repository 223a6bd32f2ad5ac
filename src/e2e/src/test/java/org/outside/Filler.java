package org.outside;

import java.util.Map;

/** Library code outside the chosen packages: its calls are not instrumented. */
public final class Filler {

    private Filler() {
    }

    /** Inserts {@code key} into {@code map}. */
    public static void add(Map<String, Object> map, String key) {
        map.put(key, Boolean.TRUE);
    }
}
