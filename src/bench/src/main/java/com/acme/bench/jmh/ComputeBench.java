package com.acme.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * {@code computeIfAbsent} and {@code merge} on a long-lived map, one thread: one operation is one step
 * (two computeIfAbsent, a merge and a remove).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ComputeBench extends AgentCheck {

    /** Maps allocated in the tracked package. */
    @State(Scope.Thread)
    public static class Tracked {
        final com.acme.bench.tracked.ComputedCounts hashMap = com.acme.bench.tracked.ComputedCounts.hashMap();
        final com.acme.bench.tracked.ComputedCounts concurrent = com.acme.bench.tracked.ComputedCounts.concurrentHashMap();
        int cursor;
    }

    /** The same maps allocated outside the chosen packages. */
    @State(Scope.Thread)
    public static class Outside {
        final com.acme.bench.outside.ComputedCounts hashMap = com.acme.bench.outside.ComputedCounts.hashMap();
        final com.acme.bench.outside.ComputedCounts concurrent = com.acme.bench.outside.ComputedCounts.concurrentHashMap();
        int cursor;
    }

    /** One step on a tracked HashMap. */
    @Benchmark
    public Integer tracked(Tracked s) {
        return s.hashMap.step(s.cursor++);
    }

    /** One step on a tracked ConcurrentHashMap. */
    @Benchmark
    public Integer trackedConcurrent(Tracked s) {
        return s.concurrent.step(s.cursor++);
    }

    /** One step on a HashMap outside the chosen packages. */
    @Benchmark
    public Integer outside(Outside s) {
        return s.hashMap.step(s.cursor++);
    }

    /** One step on a ConcurrentHashMap outside the chosen packages. */
    @Benchmark
    public Integer outsideConcurrent(Outside s) {
        return s.concurrent.step(s.cursor++);
    }
}
