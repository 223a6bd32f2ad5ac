package com.acme.bench.jmh;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives a fork the JIT state of a running service before it measures: the JDK's map code compiled on
 * its own, with call profiles that have seen many key types, as every framework and library of a
 * service leaves them. Run the same way in every configuration (no agent, agent matching nothing,
 * agent tracking).
 *
 * <p>Without it, a no-agent fork is a JVM in which {@code HashMap} has only ever seen the benchmark's
 * keys: the JIT inlines it into the benchmark with monomorphic key calls, while in a fork with any
 * agent the agent's own start-up has already used {@code HashMap} with dozens of key types. That gap
 * (measured: the agent matching no package at all made short-lived maps about twice as slow) is JIT
 * luck, not the agent's cost, and no service runs in such a sterile JVM. {@code -sterile} skips this
 * warm-up to show it.
 */
public final class JdkMapsWarmup {

    /** System property that skips the warm-up. */
    public static final String SKIP = "gwbench.sterile";

    private static boolean done;

    private JdkMapsWarmup() {
    }

    private record Pair(int id, String name) {
    }

    private enum Kind { ALPHA, BETA, GAMMA }

    /** Runs the warm-up once per fork, unless {@link #SKIP} is set. */
    static synchronized void run() {
        if (done || Boolean.getBoolean(SKIP)) {
            return;
        }
        done = true;
        int n = 512;
        Object[][] keys = new Object[6][n];
        for (int i = 0; i < n; i++) {
            keys[0][i] = "key-" + i;
            keys[1][i] = i;
            keys[2][i] = (long) i << 20;
            keys[3][i] = new Pair(i, "p" + i);
            keys[4][i] = Kind.values()[i % 3];
            keys[5][i] = List.of(i, i + 1);
        }
        long checksum = 0;
        for (int round = 0; round < 300; round++) {
            for (Object[] ks : keys) {
                Map<Object, Object> hash = new HashMap<>();
                Map<Object, Object> linked = new LinkedHashMap<>();
                Map<Object, Object> concurrent = new ConcurrentHashMap<>();
                for (Object k : ks) {
                    hash.put(k, k);
                    linked.put(k, k);
                    concurrent.put(k, k);
                    hash.computeIfAbsent(k, x -> x);
                    concurrent.merge(k, k, (a, b) -> a);
                }
                for (Object k : ks) {
                    checksum += hash.get(k) == null ? 0 : 1;
                    checksum += concurrent.containsKey(k) ? 1 : 0;
                    checksum += linked.getOrDefault(k, k) == k ? 1 : 0;
                }
                for (Object k : ks) {
                    hash.remove(k);
                    linked.remove(k);
                    concurrent.remove(k);
                }
            }
        }
        if (checksum != 300L * 6 * n * 3) {
            throw new IllegalStateException("warm-up lost entries: " + checksum);
        }
    }
}
