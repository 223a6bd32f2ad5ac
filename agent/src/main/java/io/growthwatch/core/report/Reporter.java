package io.growthwatch.core.report;

import io.growthwatch.core.detect.Finding;

import java.util.List;

/** A destination for the agent's findings and summaries. */
public interface Reporter {

    /** Reports one finding. */
    void finding(Finding finding);

    /** Reports the table of the top sites by live entries. */
    void summary(List<SiteRow> rows, String reason);

    /** Releases resources; further calls are ignored. */
    void close();
}
