package com.acme.bench.tracked;

import java.util.HashMap;
import java.util.Map;

/** The trivial program whose start-to-exit time the startup benchmark measures: one map, one put. */
public final class TrivialMain {

    private TrivialMain() {
    }

    /** Puts one entry into one map and exits with status 0 (1 if the map lost it). */
    public static void main(String[] args) {
        Map<String, String> map = new HashMap<>();
        map.put("hello", "world");
        if (map.size() != 1) {
            System.exit(1);
        }
    }
}
