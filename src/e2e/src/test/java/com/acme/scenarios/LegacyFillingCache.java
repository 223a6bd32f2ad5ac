package com.acme.scenarios;

import com.acme.scenarios.legacy.LegacyCache;

/** Fills a {@link LegacyCache} (a Java 6 class file in the test) with new keys. Arguments: seconds, capacity, inserts per second. */
public final class LegacyFillingCache {

    public static void main(String[] args) {
        LegacyCache cache = Pace.keepUntilExit(new LegacyCache(Integer.parseInt(args[1])));
        long n = Pace.run(Pace.seconds(args, 14), Integer.parseInt(args[2]), i -> cache.put("key-" + i, "value-" + i));
        System.out.println("legacy filling cache done puts=" + n + " size=" + cache.size());
    }
}
