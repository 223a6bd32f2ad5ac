package com.acme.scenarios;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the first time each of a fixed set of clients was seen, asking with {@code containsKey}
 * before each insert: every key comes back, though only as a lookup.
 */
public final class KnownIds {

    private final Map<String, Long> firstSeen = new HashMap<>();
    private final Map<String, Long> firstSeenInOrder = new LinkedHashMap<>();

    synchronized void handled(long i) {
        String client = "client-" + (i % 40);
        if (!firstSeen.containsKey(client)) {
            firstSeen.put(client, i);
        }
        if (!firstSeenInOrder.containsKey(client)) {
            firstSeenInOrder.put(client, i);
        }
    }

    public static void main(String[] args) {
        KnownIds ids = Pace.keepUntilExit(new KnownIds());
        long n = Pace.run(Pace.seconds(args, 30), 2000, ids::handled);
        System.out.println("known ids done requests=" + n + " clients=" + ids.firstSeen.size());
    }
}
