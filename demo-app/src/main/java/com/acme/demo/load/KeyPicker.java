package com.acme.demo.load;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Chooses the client key for each request: with probability {@code newKeyRatio} a never-seen key
 * {@code client-<counter>-<random hex>}, otherwise one of this picker's recently used keys.
 * One picker per client thread; not thread-safe.
 */
final class KeyPicker {

    private static final int RECENT = 256;

    private final AtomicLong counter;
    private final double newKeyRatio;
    private final String[] recent = new String[RECENT];
    private int recentCount;
    private int next;

    /** Creates a picker drawing fresh key numbers from the shared {@code counter}. */
    KeyPicker(AtomicLong counter, double newKeyRatio) {
        this.counter = counter;
        this.newKeyRatio = newKeyRatio;
    }

    /** Returns the key for the next request. */
    String nextKey() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (recentCount > 0 && random.nextDouble() >= newKeyRatio) {
            return recent[random.nextInt(recentCount)];
        }
        String key = "client-" + counter.incrementAndGet() + "-" + Integer.toHexString(random.nextInt());
        recent[next] = key;
        next = (next + 1) % RECENT;
        recentCount = Math.min(recentCount + 1, RECENT);
        return key;
    }
}
