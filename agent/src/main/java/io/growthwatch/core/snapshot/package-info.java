/**
 * What one sampling interval measured, as immutable values: per allocation site its live entries,
 * instances, table slots, inserts and removes per call site and the estimated bytes per entry; the
 * heap's state; the tracked maps whose tables are far larger than their entries need.
 *
 * <p>The only currency between measuring ({@code track}, which reads the hooks) and deciding
 * ({@code detect}): built by the one, read by the other. Uses {@code java.base} only.
 */
package io.growthwatch.core.snapshot;
