/**
 * The {@code growthwatch:type=Sites} MXBean: the last interval's top sites as open data, the summary
 * table, and thresholds writable at run time (applied by the sampling loop next interval).
 * May use: {@code detect}, {@code report}, {@code config}, {@code java.management}; never the hooks.
 */
package io.growthwatch.core.jmx;
