/**
 * Deciding: {@code Detector} turns each interval's snapshot into findings ({@code leak-suspect},
 * {@code leak-cleared}), oversized maps and the table of top sites, keeping a bounded window of
 * samples per site. The growth rule ({@code GrowthRule}) and projections are plain arithmetic, tested
 * with snapshots built as values. New detection rules go here. May use: {@code snapshot} and
 * {@code java.base} only; never the hooks, the meter or any reporter.
 */
package io.growthwatch.core.detect;
