package io.growthwatch.core.snapshot;

import java.util.List;

/**
 * One allocation site in one interval.
 *
 * @param siteId                stable identifier of the site for the life of the JVM
 * @param site                  where the maps are allocated, {@code pkg.Class.method(File.java:LINE)}
 * @param type                  class of the maps as the application allocated them
 * @param field                 field the maps are stored into, or null
 * @param allocatedBeforeAttach whether the maps predate a dynamic attach ({@code site} is then the call
 *                              site where they were first touched)
 * @param entries               live entries over the site's countable tracked instances
 * @param instances             those instances
 * @param slots                 table slots over those instances, or -1 when unknown
 * @param callSites             inserts and removes per call site since the agent started
 * @param bytesPerEntry         estimated heap bytes per entry
 * @param evictsItself          whether the maps' class bounds itself ({@code LinkedHashMap} overriding
 *                              {@code removeEldestEntry}, as LRU caches do)
 * @param keys                  the shape of the keys sampled so far
 * @param unreadFields          fields of the sampled keys' and values' classes written but read nowhere so far
 * @param estimatedInstances    live instances of the whole site: the tracked ones, each counted for the
 *                              allocations it stands for (1 in 64 once a busy site is sampled)
 * @param estimatedEntries      live entries of the whole site, estimated the same way
 */
public record SiteSnapshot(int siteId, String site, String type, String field, boolean allocatedBeforeAttach,
                           long entries, int instances, long slots, List<CallSiteCount> callSites,
                           long bytesPerEntry, boolean evictsItself, KeyShape keys, List<UnreadField> unreadFields,
                           long estimatedInstances, long estimatedEntries) {

    /** Defensive copies. */
    public SiteSnapshot {
        callSites = List.copyOf(callSites);
        unreadFields = List.copyOf(unreadFields);
    }

    /** A site whose keys and values were not sampled. */
    public SiteSnapshot(int siteId, String site, String type, String field, boolean allocatedBeforeAttach,
                        long entries, int instances, long slots, List<CallSiteCount> callSites,
                        long bytesPerEntry, boolean evictsItself) {
        this(siteId, site, type, field, allocatedBeforeAttach, entries, instances, slots, callSites, bytesPerEntry,
                evictsItself, KeyShape.UNKNOWN, List.of(), instances, entries);
    }

    /** Whether the site's figures are scaled up from a sample of its instances. */
    public boolean estimated() {
        return estimatedInstances != instances;
    }

    /** Keys inserted into the site's tracked instances since the agent started. */
    public long inserts() {
        long n = 0;
        for (CallSiteCount c : callSites) {
            n += c.inserts();
        }
        return n;
    }

    /** Keys removed from the site's tracked instances since the agent started. */
    public long removes() {
        long n = 0;
        for (CallSiteCount c : callSites) {
            n += c.removes();
        }
        return n;
    }

    /**
     * Table slots per entry for {@code slots} slots (-1: unknown) holding {@code entries} entries, or
     * the default load factor's 1/0.75 when unknown.
     */
    public static double slotsPerEntry(long slots, long entries) {
        return slots > 0 && entries > 0 ? (double) slots / entries : 1 / 0.75;
    }
}
