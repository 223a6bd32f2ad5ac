package io.growthwatch.core.detect;

import io.growthwatch.bootstrap.AllocSite;

/**
 * One interval's measurement of one allocation site.
 *
 * @param site      the site
 * @param entries   live entries over its countable tracked instances
 * @param instances its countable tracked instances
 * @param slots     table slots over those instances, or -1 when unknown
 */
public record SiteSample(AllocSite site, long entries, int instances, long slots) {

    /** Table slots per entry, or the default load factor's 1/0.75 when unknown. */
    public double slotsPerEntry() {
        return slots > 0 && entries > 0 ? (double) slots / entries : 1 / 0.75;
    }
}
