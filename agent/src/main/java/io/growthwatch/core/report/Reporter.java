package io.growthwatch.core.report;

import io.growthwatch.core.detect.SiteRow;
import io.growthwatch.core.detect.Finding;
import io.growthwatch.core.detect.Oversized;

import java.util.List;

/** A destination for the agent's findings and summaries. */
public interface Reporter {

    /** Reports one finding. */
    void finding(Finding finding);

    /** Reports a map whose table is far larger than its entries need. */
    void oversized(Oversized oversized);

    /** Receives the top sites of every interval; most reporters ignore it. */
    default void sampled(List<SiteRow> rows) {
    }

    /** Reports the table of the top sites by live entries. */
    void summary(List<SiteRow> rows, String reason);

    /**
     * Why this reporter stopped working, once (later calls return null), or null while it works: a
     * reporter that cannot write any more stops on its own instead of failing the agent's sample.
     */
    default String takeFailure() {
        return null;
    }

    /** Releases resources; further calls are ignored. */
    void close();
}
