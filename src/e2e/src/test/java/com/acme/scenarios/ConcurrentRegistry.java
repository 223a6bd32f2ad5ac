package com.acme.scenarios;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** A ConcurrentHashMap filled by computeIfAbsent from several threads, never removed from. */
public final class ConcurrentRegistry {

    private final ConcurrentHashMap<String, AtomicLong> counters = new ConcurrentHashMap<>();

    void hit(String key) {
        counters.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    public static void main(String[] args) throws InterruptedException {
        ConcurrentRegistry registry = new ConcurrentRegistry();
        double seconds = Pace.seconds(args, 30);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int id = t;
            threads[t] = new Thread(() -> Pace.run(seconds, 500, i -> registry.hit("t" + id + "-" + i)));
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("concurrent registry done size=" + registry.counters.size());
    }
}
