/**
 * The JMH benchmarks. Each benchmark method runs workload code of {@code com.acme.bench.tracked} (the
 * agent's chosen package when it tracks) or of {@code com.acme.bench.outside} (never chosen); this
 * package itself is never instrumented. {@code com.acme.bench.run.BenchMain} runs every benchmark in
 * three fork configurations: no agent, the agent choosing no package, the agent choosing the tracked one.
 */
package com.acme.bench.jmh;
