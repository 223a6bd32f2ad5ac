package io.growthwatch.core.jmx;

import io.growthwatch.core.config.AgentOptions;
import io.growthwatch.core.detect.SiteRow;
import io.growthwatch.core.report.SummaryTable;

import java.util.List;
import java.util.function.Supplier;

/** The MBean: reads the sampler's last table, and hands threshold changes to the sampler thread. */
public final class SitesBean implements SitesMXBean {

    private final AgentOptions options;
    private final Supplier<List<SiteRow>> rows;
    private final Supplier<List<SiteRow>> exported;
    private volatile int window;
    private volatile long minGrowth;

    /**
     * Creates the bean over the table {@code rows} and the {@code exported} sites (every suspect and
     * the largest), starting from the thresholds in {@code options}.
     */
    public SitesBean(AgentOptions options, Supplier<List<SiteRow>> rows, Supplier<List<SiteRow>> exported) {
        this.options = options;
        this.rows = rows;
        this.exported = exported;
        this.window = options.window();
        this.minGrowth = options.minGrowth();
    }

    @Override
    public List<SiteInfo> getSites() {
        return rows.get().stream().map(SiteInfo::new).toList();
    }

    @Override
    public int getLeakSuspects() {
        int n = 0;
        for (SiteRow row : exported.get()) {
            n += row.suspect() ? 1 : 0;
        }
        return n;
    }

    @Override
    public long getTrackedEntries() {
        long n = 0;
        for (SiteRow row : exported.get()) {
            n += row.entries();
        }
        return n;
    }

    @Override
    public long getRetainedBytes() {
        long n = 0;
        for (SiteRow row : exported.get()) {
            n += row.retainedBytes();
        }
        return n;
    }

    @Override
    public long getHeapExhaustionSeconds() {
        long shortest = -1;
        for (SiteRow row : exported.get()) {
            long s = row.heapExhaustedInSeconds();
            if (s >= 0 && (shortest < 0 || s < shortest)) {
                shortest = s;
            }
        }
        return shortest;
    }

    @Override
    public String getSummaryTable() {
        return SummaryTable.format(rows.get());
    }

    @Override
    public int getWindow() {
        return window;
    }

    @Override
    public void setWindow(int window) {
        if (window < 4 || window > 10_000) {
            throw new IllegalArgumentException("window must be from 4 to 10000, was " + window);
        }
        this.window = window;
    }

    @Override
    public long getMinGrowth() {
        return minGrowth;
    }

    @Override
    public void setMinGrowth(long minGrowth) {
        if (minGrowth < 1) {
            throw new IllegalArgumentException("minGrowth must be at least 1, was " + minGrowth);
        }
        this.minGrowth = minGrowth;
    }

    @Override
    public String getInterval() {
        return AgentOptions.format(options.interval());
    }

    @Override
    public String getPackages() {
        return String.join(":", options.packages());
    }
}
