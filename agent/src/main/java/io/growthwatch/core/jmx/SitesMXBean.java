package io.growthwatch.core.jmx;

import java.util.List;

/**
 * The agent's view over JMX, registered as {@code growthwatch:type=Sites}: the site table as open
 * data, and the detection thresholds as writable attributes that take effect at the next interval.
 */
public interface SitesMXBean {

    /** The object name the bean is registered under. */
    String OBJECT_NAME = "growthwatch:type=Sites";

    /** The top sites by live entries, as of the last interval. */
    List<SiteInfo> getSites();

    /** The same table as the periodic summary, as text. */
    String getSummaryTable();

    /** Samples a site must grow over to be a suspect. */
    int getWindow();

    /** Changes the window from the next interval on (at least 4). */
    void setWindow(int window);

    /** Entries a site must gain over the window. */
    long getMinGrowth();

    /** Changes the minimum growth from the next interval on (at least 1). */
    void setMinGrowth(long minGrowth);

    /** The sampling period, e.g. {@code 10s}. */
    String getInterval();

    /** The chosen packages, separated by {@code :}. */
    String getPackages();

    /** Sites growing like a leak now. */
    int getLeakSuspects();

    /** Live entries over the exported sites (every suspect and the largest sites). */
    long getTrackedEntries();

    /** Estimated heap held by the entries of the exported sites, in bytes. */
    long getRetainedBytes();

    /** The shortest projected time to heap exhaustion over the growing sites, in seconds; -1 when none grows. */
    long getHeapExhaustionSeconds();
}
