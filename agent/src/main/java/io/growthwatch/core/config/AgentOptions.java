package io.growthwatch.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent's settings, immutable once parsed.
 *
 * @param packages   package prefixes whose classes are instrumented
 * @param excludes   package prefixes left alone even inside {@code packages}
 * @param interval   how often the sampler reads sizes
 * @param window     consecutive samples a site must grow over to be a suspect
 * @param minGrowth  entries a site must gain over the window to be a suspect
 * @param report     JSON-lines file events are appended to, or null
 * @param summary    period of the INFO summary table, or {@link Duration#ZERO} for none
 * @param oversizedMin wasted table bytes from which a map is reported as oversized
 * @param minGrowthBytes estimated bytes a site must gain over the window to be a suspect, whatever its entries
 * @param metrics    where to serve Prometheus metrics and the live page, or null for nowhere
 * @param metricsTopSites sites exported besides the suspects, the largest by live entries
 * @param config     the properties file the options were read from too, or null
 */
public record AgentOptions(List<String> packages, List<String> excludes, Duration interval, int window,
                           long minGrowth, Path report, Duration summary, long oversizedMin, long minGrowthBytes,
                           MetricsAddress metrics, int metricsTopSites, Path config) {

    /** System property set while the agent runs (to the chosen packages); {@code attach} reads it to refuse a second agent. */
    public static final String ACTIVE_PROPERTY = "growthwatch-agent.active";

    /**
     * System property the agent sets in its JVM on every start attempt, to one line: a stamp, then
     * {@code started} and the options in force, or {@code refused:} and why. {@code attach} reads it to
     * tell its caller what happened in the target.
     */
    public static final String VERDICT_PROPERTY = "growthwatch-agent.verdict";


    /** Default sampling period: cheap enough for production, fine enough to see a trend in minutes. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    /** Default number of samples in the detection window (20 × 10 s: a little over three minutes). */
    public static final int DEFAULT_WINDOW = 20;

    /** Default number of entries a site must gain over the window. */
    public static final long DEFAULT_MIN_GROWTH = 1000;

    /** Default period of the summary table. */
    public static final Duration DEFAULT_SUMMARY = Duration.ofMinutes(10);

    /** Default wasted table bytes from which a map is reported as oversized: 8 MiB. */
    public static final long DEFAULT_OVERSIZED_MIN = 8L << 20;

    /** Default estimated bytes a site must gain over the window: 16 MiB. */
    public static final long DEFAULT_MIN_GROWTH_BYTES = 16L << 20;

    /** Default number of sites exported as metrics besides the suspects. */
    public static final int DEFAULT_METRICS_TOP_SITES = 50;

    /**
     * Where the metrics endpoint listens.
     *
     * @param host an address or host name; {@code 127.0.0.1} when the option named a port only
     * @param port a TCP port, 0 for any free one
     */
    public record MetricsAddress(String host, int port) {

        /** {@code host:port}. */
        @Override
        public String toString() {
            return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        }
    }

    /** Defensive copies of the lists. */
    public AgentOptions {
        packages = List.copyOf(packages);
        excludes = List.copyOf(excludes);
    }

    /** A duration in the options' own syntax: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    /** A size in the options' own syntax: {@code 8mb}, {@code 512kb}, {@code 100b}. */
    public static String formatSize(long bytes) {
        if (bytes > 0 && bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + "gb";
        }
        if (bytes > 0 && bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + "mb";
        }
        if (bytes > 0 && bytes % (1L << 10) == 0) {
            return bytes / (1L << 10) + "kb";
        }
        return bytes + "b";
    }

    /** Every option in force, in the options' own syntax, in a fixed order: for the start line and {@code attach}. */
    public Map<String, String> inForce() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("packages", String.join(":", packages));
        all.put("exclude", excludes.isEmpty() ? "none" : String.join(":", excludes));
        all.put("interval", format(interval));
        all.put("window", String.valueOf(window));
        all.put("minGrowth", String.valueOf(minGrowth));
        all.put("report", report == null ? "none" : report.toAbsolutePath().toString());
        all.put("summary", summary.isZero() ? "off" : format(summary));
        all.put("oversizedMin", formatSize(oversizedMin));
        all.put("minGrowthBytes", minGrowthBytes == 0 ? "off" : formatSize(minGrowthBytes));
        all.put("metrics", metrics == null ? "off" : metrics.toString());
        all.put("metricsTopSites", String.valueOf(metricsTopSites));
        all.put("config", config == null ? "none" : config.toAbsolutePath().toString());
        return all;
    }

}
