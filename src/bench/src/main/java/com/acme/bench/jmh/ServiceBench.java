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
 * The demo service's own request handling ({@code com.acme.demo.http.Visits}: query parsing into a
 * per-request map, the session tracker, the LRU profile cache, a per-request response map), driven
 * in-process without HTTP. One operation is one request; all clients were seen once before
 * measuring, so the tracker holds a steady 20,000 sessions. The "outside" copy is the same demo
 * source compiled under {@code com.acme.bench.outside.demo} (see the pom).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class ServiceBench extends AgentCheck {

    /** Distinct clients in the request stream. */
    public static final int CLIENTS = 20_000;

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

    /** The demo's service (a chosen package when tracking), shared by all threads. */
    @State(Scope.Benchmark)
    public static class Tracked {
        final com.acme.demo.http.Visits service;

        /** Builds the service as the demo's server does, in leaky mode. */
        public Tracked() {
            com.acme.demo.session.Tracker tracker = new com.acme.demo.session.Tracker();
            com.acme.demo.http.ProfileService profiles = new com.acme.demo.http.ProfileService(
                    new com.acme.demo.cache.LruCache<>(1_000));
            service = new com.acme.demo.http.Visits(tracker, profiles,
                    new com.acme.demo.http.ServiceStats(tracker, profiles, com.acme.demo.Mode.LEAKY));
        }

        /** Sends every client once, so that measurement sees the steady state. */
        @Setup
        public void warm(Queries queries) {
            for (String q : queries.raw) {
                service.visit(q);
            }
        }
    }

    /** The same demo source compiled outside the chosen packages, shared by all threads. */
    @State(Scope.Benchmark)
    public static class Outside {
        final com.acme.bench.outside.demo.http.Visits service;

        /** Builds the service as the demo's server does, in leaky mode. */
        public Outside() {
            com.acme.bench.outside.demo.session.Tracker tracker = new com.acme.bench.outside.demo.session.Tracker();
            com.acme.bench.outside.demo.http.ProfileService profiles = new com.acme.bench.outside.demo.http.ProfileService(
                    new com.acme.bench.outside.demo.cache.LruCache<>(1_000));
            service = new com.acme.bench.outside.demo.http.Visits(tracker, profiles,
                    new com.acme.bench.outside.demo.http.ServiceStats(tracker, profiles, com.acme.bench.outside.demo.Mode.LEAKY));
        }

        /** Sends every client once, so that measurement sees the steady state. */
        @Setup
        public void warm(Queries queries) {
            for (String q : queries.raw) {
                service.visit(q);
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
        return s.service.visit(q.at(c.next++)).body();
    }

    /** One request to the tracked service, two threads. */
    @Benchmark
    @Threads(2)
    public String trackedTwoThreads(Tracked s, Queries q, Cursor c) {
        return s.service.visit(q.at(c.next++)).body();
    }

    /** One request to the service outside the chosen packages, one thread. */
    @Benchmark
    public String outside(Outside s, Queries q, Cursor c) {
        return s.service.visit(q.at(c.next++)).body();
    }

    /** One request to the service outside the chosen packages, two threads. */
    @Benchmark
    @Threads(2)
    public String outsideTwoThreads(Outside s, Queries q, Cursor c) {
        return s.service.visit(q.at(c.next++)).body();
    }
}
