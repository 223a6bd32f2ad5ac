package com.acme.compat.concurrency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

/**
 * Threads that share one tracked ConcurrentHashMap start counting into it at the same moment, right
 * after {@code main} prints {@link #STARTED}; the program itself uses no striped counter and no
 * {@code VarHandle}, so any call site linked from then on is linked by the agent's hooks or the JDK's
 * map code.
 *
 * <p>Arguments: threads operationsPerThread.
 */
public final class FirstSharedCounts {

    /** Printed (and flushed) before the threads start. */
    public static final String STARTED = "application threads start";

    private final Map<Integer, Integer> shared = new ConcurrentHashMap<>();

    void count(int thread, int operations) {
        for (int i = 0; i < operations; i++) {
            shared.put((thread * 31 + i) % 64, i);
            shared.remove((thread * 17 + i) % 64);
        }
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[0]);
        int operations = Integer.parseInt(args[1]);
        FirstSharedCounts counts = new FirstSharedCounts();
        System.out.println(STARTED);
        System.out.flush();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Runnable task = () -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                counts.count(thread, operations);
            };
            Thread counting = new Thread(task);
            counting.start();
            started.add(counting);
        }
        start.countDown();
        for (Thread thread : started) {
            thread.join();
        }
        System.out.println("size=" + counts.shared.size());
    }
}
