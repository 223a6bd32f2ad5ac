package com.acme.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A bounded LRU cache, an application subclass of {@code LinkedHashMap}, full and evicting: the map
 * the agent tracks as it is, not as a counted twin. One operation is one step: a put that evicts and
 * a get that hits.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class LruBench extends AgentCheck {

    /** A thread's own cache, allocated in the tracked package. */
    @State(Scope.Thread)
    public static class Tracked {
        final com.acme.bench.tracked.BoundedCache cache = new com.acme.bench.tracked.BoundedCache();
        int cursor;

        /** Fills the cache, then moves it to the old generation, where a service's long-lived cache lives. */
        @Setup
        public void settle() {
            settled(cache::step);
        }
    }

    /** A thread's own cache, allocated by the same code outside the chosen packages. */
    @State(Scope.Thread)
    public static class Outside {
        final com.acme.bench.outside.BoundedCache cache = new com.acme.bench.outside.BoundedCache();
        int cursor;

        /** Fills the cache, then moves it to the old generation, where a service's long-lived cache lives. */
        @Setup
        public void settle() {
            settled(cache::step);
        }
    }

    /** Two caches of one class, used in turn, allocated in the tracked package. */
    @State(Scope.Thread)
    public static class TrackedPair {
        final com.acme.bench.tracked.TwoCaches caches = new com.acme.bench.tracked.TwoCaches();
        int cursor;

        /** Fills both caches, then moves them to the old generation. */
        @Setup
        public void settle() {
            settled(caches::step);
        }
    }

    /** Two caches of one class, used in turn, allocated by the same code outside the chosen packages. */
    @State(Scope.Thread)
    public static class OutsidePair {
        final com.acme.bench.outside.TwoCaches caches = new com.acme.bench.outside.TwoCaches();
        int cursor;

        /** Fills both caches, then moves them to the old generation. */
        @Setup
        public void settle() {
            settled(caches::step);
        }
    }

    /**
     * Fills a cache through its {@code step} and collects the heap twice, so that the cache and its table are old when
     * measuring starts. A young cache runs its evicting puts at about 24 ns, an old one at about 40 ns
     * (every new entry stored into an old table and linked from an old node passes G1's card-marking
     * barrier); left to itself, a run crosses from one to the other after some 15 young collections,
     * at a moment that differs from configuration to configuration.
     */
    static void settled(IntConsumer step) {
        for (int i = 0; i < 1024; i++) {
            step.accept(i);
        }
        System.gc();
        System.gc();
    }

    /** One step on a tracked cache, one thread. */
    @Benchmark
    public Integer tracked(Tracked s) {
        return s.cache.step(s.cursor++);
    }

    /** One step on each of two tracked caches of one class, one thread. */
    @Benchmark
    public Integer trackedPair(TrackedPair s) {
        return s.caches.step(s.cursor++);
    }

    /** One step on each of two caches of one class outside the chosen packages, one thread. */
    @Benchmark
    public Integer outsidePair(OutsidePair s) {
        return s.caches.step(s.cursor++);
    }

    /** One step on a cache outside the chosen packages, one thread. */
    @Benchmark
    public Integer outside(Outside s) {
        return s.cache.step(s.cursor++);
    }
}
