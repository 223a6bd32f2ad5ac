package com.acme.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.concurrent.TimeUnit;

/**
 * Issue 5, benchmarks 1 and 3: a long-lived {@code HashMap} under put/get/remove, one map per thread.
 * One operation is one step: a put, a get and a remove.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class HashMapBench extends AgentCheck {

    /** A thread's own map, allocated in the tracked package. */
    @State(Scope.Thread)
    public static class Tracked {
        final com.acme.bench.tracked.HotHashMap map = new com.acme.bench.tracked.HotHashMap();
        int cursor;
    }

    /** A thread's own map, allocated by the same code outside the chosen packages. */
    @State(Scope.Thread)
    public static class Outside {
        final com.acme.bench.outside.HotHashMap map = new com.acme.bench.outside.HotHashMap();
        int cursor;
    }

    /** One step on a tracked map, one thread. */
    @Benchmark
    public Integer tracked(Tracked s) {
        return s.map.step(s.cursor++);
    }

    /** One step on a tracked map, two threads each with its own map (one call site, two instances). */
    @Benchmark
    @Threads(2)
    public Integer trackedTwoThreads(Tracked s) {
        return s.map.step(s.cursor++);
    }

    /** One step on a map outside the chosen packages, one thread. */
    @Benchmark
    public Integer outside(Outside s) {
        return s.map.step(s.cursor++);
    }

    /** One step on a map outside the chosen packages, two threads each with its own map. */
    @Benchmark
    @Threads(2)
    public Integer outsideTwoThreads(Outside s) {
        return s.map.step(s.cursor++);
    }
}
