package com.acme.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.ThreadParams;

import java.util.concurrent.TimeUnit;

/**
 * Issue 5, benchmarks 1 and 3: one long-lived {@code ConcurrentHashMap} shared by all threads under
 * put/get/remove. One operation is one step: a put, a get and a remove.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ConcurrentMapBench extends AgentCheck {

    /** The shared map, allocated in the tracked package. */
    @State(Scope.Benchmark)
    public static class Tracked {
        final com.acme.bench.tracked.HotConcurrentMap map = new com.acme.bench.tracked.HotConcurrentMap();
    }

    /** The shared map, allocated by the same code outside the chosen packages. */
    @State(Scope.Benchmark)
    public static class Outside {
        final com.acme.bench.outside.HotConcurrentMap map = new com.acme.bench.outside.HotConcurrentMap();
    }

    /** A thread's position in the key sequence; threads start far apart so their windows do not overlap. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        /** Starts thread {@code n} at key {@code n * 4096}. */
        @Setup
        public void start(ThreadParams thread) {
            next = thread.getThreadIndex() * 4096;
        }
    }

    /** One step on the tracked map, one thread. */
    @Benchmark
    public Integer tracked(Tracked s, Cursor c) {
        return s.map.step(c.next++);
    }

    /** One step on the tracked map, two threads sharing it. */
    @Benchmark
    @Threads(2)
    public Integer trackedTwoThreads(Tracked s, Cursor c) {
        return s.map.step(c.next++);
    }

    /** One step on the map outside the chosen packages, one thread. */
    @Benchmark
    public Integer outside(Outside s, Cursor c) {
        return s.map.step(c.next++);
    }

    /** One step on the map outside the chosen packages, two threads sharing it. */
    @Benchmark
    @Threads(2)
    public Integer outsideTwoThreads(Outside s, Cursor c) {
        return s.map.step(c.next++);
    }
}
