/**
 * The runner behind {@code java -jar benchmarks.jar}: runs every benchmark under three agent
 * configurations, runs the memory probes, and prints the Markdown overhead table.
 */
package com.acme.bench.run;
