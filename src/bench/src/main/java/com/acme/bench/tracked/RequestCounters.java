package com.acme.bench.tracked;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts requests per outcome in a {@link ConcurrentHashMap} of adders, as service metrics do. */
public final class RequestCounters {

    private final ConcurrentMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Counts one request with {@code outcome}. */
    public void count(String outcome) {
        counts.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    /** Requests counted with {@code outcome}. */
    public long get(String outcome) {
        LongAdder adder = counts.get(outcome);
        return adder == null ? 0 : adder.sum();
    }
}
