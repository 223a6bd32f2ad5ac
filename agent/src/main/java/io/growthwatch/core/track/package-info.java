/**
 * Measuring: {@code SiteMeter} reads the hooks' state (tracked instances, their sizes and tables,
 * the counts per call site) into one immutable {@code snapshot.IntervalSnapshot} per interval, with
 * the heap model's estimates. Reads only, never an iteration or a lock of an application map. The
 * only package besides the start-up path and the transformer that may use {@code bootstrap}.
 * May use: {@code bootstrap}, {@code snapshot}, {@code java.base}, {@code java.instrument},
 * {@code java.management}.
 */
package io.growthwatch.core.track;
