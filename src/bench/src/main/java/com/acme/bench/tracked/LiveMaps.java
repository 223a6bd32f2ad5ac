package com.acme.bench.tracked;

import java.util.HashMap;
import java.util.Map;

/** Many small maps kept alive together, all allocated at one site: a cache of per-key maps. */
public final class LiveMaps {

    private LiveMaps() {
    }

    /** Returns {@code count} maps of one entry each, allocated at a single site. */
    public static Object[] create(int count) {
        Object[] maps = new Object[count];
        for (int i = 0; i < count; i++) {
            Map<Integer, Integer> map = new HashMap<>();
            map.put(i, i);
            maps[i] = map;
        }
        return maps;
    }
}
