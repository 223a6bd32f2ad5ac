package com.acme.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * A long-lived {@code HashSet} under add/contains/remove, one set per thread: a tracked set holds the
 * counted twin of its map, and its call sites pass {@code Hooks.atSet}. One operation is one step.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class HashSetBench extends AgentCheck {

    /** A thread's own set, allocated in the tracked package. */
    @State(Scope.Thread)
    public static class Tracked {
        final com.acme.bench.tracked.HotHashSet set = new com.acme.bench.tracked.HotHashSet();
        int cursor;
    }

    /** A thread's own set, allocated by the same code outside the chosen packages. */
    @State(Scope.Thread)
    public static class Outside {
        final com.acme.bench.outside.HotHashSet set = new com.acme.bench.outside.HotHashSet();
        int cursor;
    }

    /** One step on a tracked set, one thread. */
    @Benchmark
    public boolean tracked(Tracked s) {
        return s.set.step(s.cursor++);
    }

    /** One step on a set outside the chosen packages, one thread. */
    @Benchmark
    public boolean outside(Outside s) {
        return s.set.step(s.cursor++);
    }
}
