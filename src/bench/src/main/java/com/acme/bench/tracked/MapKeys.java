package com.acme.bench.tracked;

/** Boxed keys made once, so that the hot-map steps measure map operations, not boxing. */
final class MapKeys {

    /** Entries a hot map holds in its steady state: keys live this many steps. */
    static final int WINDOW = 512;

    private static final int COUNT = 8192;
    private static final int MASK = COUNT - 1;

    private final Integer[] keys = new Integer[COUNT];

    MapKeys() {
        for (int i = 0; i < COUNT; i++) {
            keys[i] = 1_000_000 + i * 7;
        }
    }

    /** The key for step {@code i}; steps wrap around. */
    Integer at(int i) {
        return keys[i & MASK];
    }
}
