/**
 * The metrics endpoint: {@code SiteMetrics} turns the last interval's exported sites into Prometheus
 * metric snapshots at scrape time (never touching the application's maps), {@code MetricsEndpoint}
 * serves them with the Prometheus Java client's HTTP server (Prometheus text and OpenMetrics formats)
 * beside the live report page. May use: {@code detect} (the rows), {@code page}, {@code report}
 * (the recent events), the relocated Prometheus client, {@code java.base}, {@code jdk.httpserver}.
 */
package io.growthwatch.core.metrics;
