package com.acme.bench.run;

import com.acme.bench.jmh.JdkMapsWarmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.function.IntUnaryOperator;

/**
 * Two threads sharing one long-lived {@code ConcurrentHashMap}, put+get+remove, in one JVM: the map
 * the agent tracks ({@code com.acme.bench.tracked.HotConcurrentMap}) and the same code outside the
 * chosen packages take turns for 60 measured rounds of 200,000 steps per thread. Each round both
 * threads run their steps on one map, then on the other (the first changing each round); a round's
 * time is the slower thread's. The figure printed is the median of the differences within a round,
 * as in {@link SideBySide}, which is what the JMH two-thread row cannot give on two CPUs (its forks
 * are bimodal with or without the agent).
 *
 * <p>{@code java -javaagent:agent/target/growthwatch-agent.jar=packages=com.acme.bench.tracked
 * -cp src/bench/target/benchmarks.jar com.acme.bench.run.SharedMapSideBySide}
 */
public final class SharedMapSideBySide {

    private static final int THREADS = 2;
    private static final int ROUNDS = 80;
    private static final int WARMUP_ROUNDS = 20;
    private static final int STEPS = 200_000;

    private SharedMapSideBySide() {
    }

    /** Prints the median ns per step of each map, and the tracked one's difference to the outside one. */
    public static void main(String[] args) throws Exception {
        JdkMapsWarmup.runForTools();
        com.acme.bench.tracked.HotConcurrentMap tracked = new com.acme.bench.tracked.HotConcurrentMap();
        com.acme.bench.outside.HotConcurrentMap outside = new com.acme.bench.outside.HotConcurrentMap();
        IntUnaryOperator[] steps = {i -> SideBySide.valueOf(tracked.step(i)), i -> SideBySide.valueOf(outside.step(i))};
        String[] names = {"tracked chm", "outside chm"};

        double[][] times = new double[steps.length][ROUNDS - WARMUP_ROUNDS];
        CyclicBarrier start = new CyclicBarrier(THREADS + 1);
        CyclicBarrier done = new CyclicBarrier(THREADS + 1);
        int[] phaseMap = new int[1]; // which map the next phase runs; published by the barrier
        long[] sinks = new long[THREADS];
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int self = t;
            Thread worker = new Thread(() -> {
                int[] cursor = new int[steps.length];
                for (int k = 0; k < steps.length; k++) {
                    cursor[k] = self * 4096; // threads far apart in the key sequence, as in the JMH row
                }
                try {
                    for (int phase = 0; phase < ROUNDS * steps.length; phase++) {
                        start.await();
                        int k = phaseMap[0];
                        IntUnaryOperator step = steps[k];
                        int i = cursor[k];
                        long sink = 0;
                        for (int s = 0; s < STEPS; s++) {
                            sink += step.applyAsInt(i++);
                        }
                        cursor[k] = i;
                        sinks[self] += sink;
                        done.await();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "side-by-side-" + t);
            worker.start();
            workers.add(worker);
        }
        for (int round = 0; round < ROUNDS; round++) {
            for (int j = 0; j < steps.length; j++) {
                int k = (round + j) % steps.length;
                phaseMap[0] = k;
                long begin = System.nanoTime();
                start.await();
                done.await();
                if (round >= WARMUP_ROUNDS) {
                    times[k][round - WARMUP_ROUNDS] = (System.nanoTime() - begin) / (double) STEPS;
                }
            }
        }
        for (Thread worker : workers) {
            worker.join();
        }
        SideBySide.printAgainstLast(names, times);
        System.out.println("(checksum " + (sinks[0] + sinks[1]) + ")");
    }
}
