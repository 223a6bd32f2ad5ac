package com.acme.bench.run;

/**
 * One row of the time table: a JMH benchmark method, how it is measured and its budget.
 *
 * @param id         short name for {@code -only}
 * @param title      what the row measures
 * @param threads    threads running the benchmark
 * @param benchmark  JMH benchmark name, {@code class.method}
 * @param kind       how the runner drives it
 * @param budget     the budget of issue 5 that applies
 */
record BenchSpec(String id, String title, int threads, String benchmark, Kind kind, Budget budget) {

    /** Whether results vary much from fork to fork (threads placed on the cores anew, a large workload). */
    boolean noisy() {
        return threads > 1 || slowWarmup();
    }

    /** Whether the workload is large enough to need a longer warm-up (the service rows). */
    boolean slowWarmup() {
        return id.contains("service");
    }

    /** How the runner drives a benchmark. */
    enum Kind {
        /** Average time per operation over timed iterations. */
        AVERAGE_TIME,
        /** Single shots launching the trivial main. */
        STARTUP,
        /** Single shots defining the generated classes. */
        CLASSES
    }
}
