/**
 * The benchmarked workloads: long-lived hot maps, per-request maps, a small service, a trivial main.
 *
 * <p>The build compiles these sources twice: once in this package and once, copied word for word, under
 * a second package name (see the bench module's pom). The benchmarks attach the agent with only one
 * of the two packages chosen, so the same code runs both inside and outside the chosen packages.
 * Edit only the sources here; the copy is generated.
 */
package com.acme.bench.tracked;
