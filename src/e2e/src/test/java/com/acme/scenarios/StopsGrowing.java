package com.acme.scenarios;

import java.util.HashMap;
import java.util.Map;

/** A leak that stops: new keys for a while (a bad config), then only lookups of known keys. */
public final class StopsGrowing {

    private final Map<String, Integer> cache = new HashMap<>();

    public static void main(String[] args) {
        StopsGrowing app = new StopsGrowing();
        double seconds = Pace.seconds(args, 26);
        long growing = Pace.run(seconds * 0.45, 2000, i -> app.cache.put("k" + i, 1));
        long reads = Pace.run(seconds * 0.55, 2000, i -> app.cache.get("k" + (i % growing)));
        System.out.println("stops growing done inserts=" + growing + " reads=" + reads + " size=" + app.cache.size());
    }
}
