package io.growthwatch.core.detect;

import java.util.List;

/**
 * What the detector made of one interval.
 *
 * @param findings  sites that started or stopped growing (suspects, cleared suspects)
 * @param oversized maps reported for the first time as keeping a sparse table
 * @param rows      the top sites by live entries, with their status
 * @param exported  every suspect and the largest sites: what the metrics export
 */
public record IntervalFindings(List<Finding> findings, List<Oversized> oversized, List<SiteRow> rows,
                               List<SiteRow> exported) {

    /** Defensive copies. */
    public IntervalFindings {
        findings = List.copyOf(findings);
        oversized = List.copyOf(oversized);
        rows = List.copyOf(rows);
        exported = List.copyOf(exported);
    }
}
