package com.acme.compat.concurrency;

import com.acme.scenarios.Pace;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Each thread owns one {@link HashMap}, allocated at one site and mutated through the same two call
 * sites as every other thread's map: the shape of per-connection or per-worker state. Counts the real
 * inserts and removes from each operation's result and prints the totals, then keeps the maps
 * reachable until exit so that the agent's shutdown summary sees them.
 *
 * <p>Arguments: threads operationsPerThread keys lingerSeconds (time left to the agent's sampler).
 */
public final class PerThreadMaps {

    private final Map<Integer, Integer> entries = new HashMap<>();
    private long inserts;
    private long removes;

    void step(ThreadLocalRandom random, int keys) {
        Integer key = random.nextInt(keys);
        if (random.nextBoolean()) {
            if (entries.put(key, key) == null) {
                inserts++;
            }
        } else if (entries.remove(key) != null) {
            removes++;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        long lingerMillis = Long.parseLong(args[3]) * 1000;
        int threads = Integer.parseInt(args[0]);
        int operations = Integer.parseInt(args[1]);
        int keys = Integer.parseInt(args[2]);
        PerThreadMaps[] owners = new PerThreadMaps[threads];
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            PerThreadMaps owner = new PerThreadMaps();
            owners[t] = owner;
            workers[t] = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < operations; i++) {
                    owner.step(random, keys);
                }
            });
        }
        for (Thread worker : workers) {
            worker.start();
        }
        long inserts = 0;
        long removes = 0;
        long size = 0;
        for (int t = 0; t < threads; t++) {
            workers[t].join();
            inserts += owners[t].inserts;
            removes += owners[t].removes;
            size += owners[t].entries.size();
        }
        System.out.println("real inserts=" + inserts + " removes=" + removes + " size=" + size
                + " consistent=" + (inserts - removes == size));
        Pace.keepUntilExit(owners);
        Thread.sleep(lingerMillis);
    }
}
