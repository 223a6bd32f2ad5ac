/**
 * JFR events ({@code growthwatch.LeakSuspect}, {@code LeakCleared}, {@code Oversized},
 * {@code SiteSample}), emitted by a {@code Reporter}. May use: {@code detect}, {@code report},
 * {@code jdk.jfr}; never the hooks.
 */
package io.growthwatch.core.jfr;
