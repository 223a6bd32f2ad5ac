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
 * Issue 5, benchmark 4: the demo service's request handling driven in-process (tracker lookup, LRU
 * profile cache, per-request maps, string work). One operation is one request; all clients were seen
 * once before measuring, so the tracker holds a steady 20,000 sessions.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ServiceBench extends AgentCheck {

    /** Distinct clients in the request stream. */
    static final int CLIENTS = 20_000;

    /** The raw query strings of the request stream, one per client. */
    @State(Scope.Benchmark)
    public static class Queries {
        final String[] raw = new String[CLIENTS];

        /** Builds the queries. */
        @Setup
        public void build() {
            String[] langs = {"en", "de", "fr"};
            for (int i = 0; i < CLIENTS; i++) {
                raw[i] = "client=c" + (100_000 + i * 37) + "&lang=" + langs[i % langs.length] + "&ref=home%20page";
            }
        }

        String at(int i) {
            return raw[Math.floorMod(i, CLIENTS)];
        }
    }

    /** The service in the tracked package, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Tracked {
        final com.acme.bench.tracked.VisitService service = new com.acme.bench.tracked.VisitService();

        /** Sends every client once, so that measurement sees the steady state. */
        @Setup
        public void warm(Queries queries) {
            for (String q : queries.raw) {
                service.handle(q);
            }
        }
    }

    /** The same service outside the chosen packages, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Outside {
        final com.acme.bench.outside.VisitService service = new com.acme.bench.outside.VisitService();

        /** Sends every client once, so that measurement sees the steady state. */
        @Setup
        public void warm(Queries queries) {
            for (String q : queries.raw) {
                service.handle(q);
            }
        }
    }

    /** A thread's position in the request stream; threads start half the stream apart. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        /** Starts thread {@code n} at request {@code n * CLIENTS / 2}. */
        @Setup
        public void start(ThreadParams thread) {
            next = thread.getThreadIndex() * (CLIENTS / 2);
        }
    }

    /** One request to the tracked service, one thread. */
    @Benchmark
    public String tracked(Tracked s, Queries q, Cursor c) {
        return s.service.handle(q.at(c.next++));
    }

    /** One request to the tracked service, two threads. */
    @Benchmark
    @Threads(2)
    public String trackedTwoThreads(Tracked s, Queries q, Cursor c) {
        return s.service.handle(q.at(c.next++));
    }

    /** One request to the service outside the chosen packages, one thread. */
    @Benchmark
    public String outside(Outside s, Queries q, Cursor c) {
        return s.service.handle(q.at(c.next++));
    }

    /** One request to the service outside the chosen packages, two threads. */
    @Benchmark
    @Threads(2)
    public String outsideTwoThreads(Outside s, Queries q, Cursor c) {
        return s.service.handle(q.at(c.next++));
    }
}
