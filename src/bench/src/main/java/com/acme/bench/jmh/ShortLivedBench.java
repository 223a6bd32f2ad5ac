package com.acme.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5, benchmarks 2 and 3: a map per "request": allocate, put four entries, read two, drop it.
 * One operation is one request.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ShortLivedBench extends AgentCheck {

    /** Request inputs of one thread; its maps are allocated in the tracked package. */
    @State(Scope.Thread)
    public static class Tracked {
        final com.acme.bench.tracked.RequestMaps requests = new com.acme.bench.tracked.RequestMaps();
        int cursor;
    }

    /** Request inputs of one thread; its maps are allocated outside the chosen packages. */
    @State(Scope.Thread)
    public static class Outside {
        final com.acme.bench.outside.RequestMaps requests = new com.acme.bench.outside.RequestMaps();
        int cursor;
    }

    /** One request in the tracked package, one thread. */
    @Benchmark
    public Map<String, Object> tracked(Tracked s) {
        return s.requests.handle(s.cursor++);
    }

    /** One request in the tracked package, two threads (one allocation site shared). */
    @Benchmark
    @Threads(2)
    public Map<String, Object> trackedTwoThreads(Tracked s) {
        return s.requests.handle(s.cursor++);
    }

    /** One request outside the chosen packages, one thread. */
    @Benchmark
    public Map<String, Object> outside(Outside s) {
        return s.requests.handle(s.cursor++);
    }

    /** One request outside the chosen packages, two threads. */
    @Benchmark
    @Threads(2)
    public Map<String, Object> outsideTwoThreads(Outside s) {
        return s.requests.handle(s.cursor++);
    }
}
