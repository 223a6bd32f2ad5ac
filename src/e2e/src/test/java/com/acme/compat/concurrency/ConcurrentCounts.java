package com.acme.compat.concurrency;

import com.acme.scenarios.Pace;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Many threads mutate one shared ConcurrentHashMap over a small key space (so that operations on the
 * same key race), with put, remove, putIfAbsent, computeIfAbsent, merge and remove(key, value), and
 * count from each operation's own result how many keys were really inserted and removed. Each task
 * also allocates short-lived tracked maps, so that the agent's instance table changes under the
 * sampler. Prints the exact totals.
 *
 * <p>Arguments: {@code platform|virtual}[{@code -racing-computes}] tasks operationsPerTask keys
 * [lingerSeconds].
 */
public final class ConcurrentCounts {

    private final ConcurrentHashMap<Integer, Object> shared = new ConcurrentHashMap<>();
    private final LongAdder inserts = new LongAdder();
    private final LongAdder removes = new LongAdder();
    private final LongAdder churned = new LongAdder();

    /**
     * One random operation. put, remove, putIfAbsent and remove(key, value) race on the shared keys
     * {@code [0, keys)}; computeIfAbsent and merge use the shared keys only when {@code raceComputes},
     * otherwise keys of this task's own range, which a plain remove also visits.
     */
    void step(ThreadLocalRandom random, int keys, int ownBase, boolean raceComputes) {
        int op = random.nextInt(6);
        boolean own = !raceComputes && (op == 3 || op == 4 || (op == 1 && random.nextBoolean()));
        Integer key = own ? ownBase + random.nextInt(keys) : random.nextInt(keys);
        switch (op) {
            case 0 -> {
                if (shared.put(key, new Object()) == null) {
                    inserts.increment();
                }
            }
            case 1 -> {
                if (shared.remove(key) != null) {
                    removes.increment();
                }
            }
            case 2 -> {
                if (shared.putIfAbsent(key, new Object()) == null) {
                    inserts.increment();
                }
            }
            case 3 -> {
                boolean[] made = {false};
                shared.computeIfAbsent(key, k -> {
                    made[0] = true;
                    return new Object();
                });
                if (made[0]) {
                    inserts.increment();
                }
            }
            case 4 -> {
                Object mine = new Object();
                if (shared.merge(key, mine, (old, given) -> new Object()) == mine) {
                    inserts.increment();
                }
            }
            default -> {
                Object seen = shared.get(key);
                if (seen != null && shared.remove(key, seen)) {
                    removes.increment();
                }
            }
        }
    }

    void churn(int i) {
        Map<Integer, Integer> scratch = new ConcurrentHashMap<>();
        scratch.put(i, i);
        churned.add(scratch.size());
    }

    void task(int index, int operations, int keys, boolean raceComputes) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int ownBase = keys * (index + 1);
        for (int i = 0; i < operations; i++) {
            step(random, keys, ownBase, raceComputes);
            if (i % 16 == 0) {
                churn(i);
            }
            if (i % 512 == 0) {
                Thread.yield(); // lets virtual threads unmount and move between carriers
            }
        }
    }

    public static void main(String[] args) throws Exception {
        boolean virtual = args[0].startsWith("virtual");
        boolean raceComputes = args[0].endsWith("-racing-computes");
        int tasks = Integer.parseInt(args[1]);
        int operations = Integer.parseInt(args[2]);
        int keys = Integer.parseInt(args[3]);
        double linger = args.length > 4 ? Double.parseDouble(args[4]) : 0;

        ConcurrentCounts counts = Pace.keepUntilExit(new ConcurrentCounts());
        CountDownLatch start = new CountDownLatch(1);
        long began = System.nanoTime();
        ExecutorService executor = virtual ? virtualThreads() : Executors.newFixedThreadPool(tasks);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            int index = t;
            futures.add(executor.submit(() -> {
                start.await();
                counts.task(index, operations, keys, raceComputes);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        executor.shutdown();
        executor.awaitTermination(1, TimeUnit.MINUTES);
        if (virtual) {
            PinnedOnPurpose.pinTwice();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        long in = counts.inserts.sum();
        long out = counts.removes.sum();
        System.out.println("real inserts=" + in + " removes=" + out + " size=" + counts.shared.size()
                + " consistent=" + (in - out == counts.shared.size()) + " churned=" + counts.churned.sum());
        System.out.println("threads=" + (virtual ? "virtual" : "platform") + " tasks=" + tasks + " took=" + millis + "ms");
        Thread.sleep((long) (linger * 1000));
    }

    private static ExecutorService virtualThreads() throws ReflectiveOperationException {
        // Java 21+ API, called reflectively: this class is compiled for Java 17
        Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        return (ExecutorService) factory.invoke(null);
    }
}
