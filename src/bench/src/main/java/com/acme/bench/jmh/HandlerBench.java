package com.acme.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The request handler of the overhead issue (a map per request, 5–10 header puts, one iteration),
 * one thread; and a long-lived map that sampling left out, at instrumented call sites.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class HandlerBench extends AgentCheck {

    /** Handler and sampled-out map in the tracked package. */
    @State(Scope.Thread)
    public static class Tracked {
        final com.acme.bench.tracked.RequestHeaders handler = new com.acme.bench.tracked.RequestHeaders();
        final com.acme.bench.tracked.SampledOutMap unpicked = new com.acme.bench.tracked.SampledOutMap();
        int cursor;
    }

    /** The same outside the chosen packages. */
    @State(Scope.Thread)
    public static class Outside {
        final com.acme.bench.outside.RequestHeaders handler = new com.acme.bench.outside.RequestHeaders();
        final com.acme.bench.outside.SampledOutMap unpicked = new com.acme.bench.outside.SampledOutMap();
        int cursor;
    }

    /** One request in the tracked package. */
    @Benchmark
    public int tracked(Tracked s) {
        return s.handler.handle(s.cursor++);
    }

    /** One step on a map of the tracked package that sampling left out. */
    @Benchmark
    public Integer trackedSampledOut(Tracked s) {
        return s.unpicked.step(s.cursor++);
    }

    /** One request outside the chosen packages. */
    @Benchmark
    public int outside(Outside s) {
        return s.handler.handle(s.cursor++);
    }

    /** One step on a long-lived map outside the chosen packages. */
    @Benchmark
    public Integer outsideSampledOut(Outside s) {
        return s.unpicked.step(s.cursor++);
    }
}
