package com.acme.bench.run;

import com.acme.bench.jmh.ServiceBench;

/**
 * The demo's request handling twice in one JVM, for {@link SideBySide}: {@link ServiceBench}'s
 * tracked service (the demo's own {@code Visits}, tracked with {@code packages=com.acme.demo}) and its
 * copy outside the chosen packages, built, warmed and driven by that benchmark's own states and
 * methods, each through the request stream from its start.
 */
final class ServiceSides {

    private final ServiceBench bench = new ServiceBench();
    private final ServiceBench.Queries queries = new ServiceBench.Queries();
    private final ServiceBench.Tracked tracked = new ServiceBench.Tracked();
    private final ServiceBench.Outside outside = new ServiceBench.Outside();
    private final ServiceBench.Cursor trackedCursor = new ServiceBench.Cursor();
    private final ServiceBench.Cursor outsideCursor = new ServiceBench.Cursor();

    ServiceSides() {
        queries.build();
        tracked.warm(queries);
        outside.warm(queries);
    }

    /** The next request of the stream to the tracked service: the length of its body. */
    int tracked() {
        return bench.tracked(tracked, queries, trackedCursor).length();
    }

    /** The next request of the stream to the copy outside: the length of its body. */
    int outside() {
        return bench.outside(outside, queries, outsideCursor).length();
    }
}
