package com.acme.scenarios;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A cache over a bounded key space: warms up quickly to a plateau, then sees reads and updates. */
public final class WarmupPlateau {

    private static final int KEY_SPACE = 3000;

    private final Map<Integer, String> cache = new HashMap<>();

    void request(int key) {
        String v = cache.get(key);
        if (v == null || ThreadLocalRandom.current().nextInt(10) == 0) {
            cache.put(key, "profile-" + key + "-" + System.nanoTime());
        }
    }

    public static void main(String[] args) {
        WarmupPlateau app = new WarmupPlateau();
        long n = Pace.run(Pace.seconds(args, 30), 3000,
                i -> app.request(ThreadLocalRandom.current().nextInt(KEY_SPACE)));
        System.out.println("warm-up done requests=" + n + " size=" + app.cache.size());
    }
}
