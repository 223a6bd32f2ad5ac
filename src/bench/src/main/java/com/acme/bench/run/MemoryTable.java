package com.acme.bench.run;

import java.util.Locale;
import java.util.Map;

/**
 * The memory table. The agent's heap is the used-heap delta of a phase with the agent minus the same
 * phase's delta without it; the tracking run's table entries give the bytes per tracked instance.
 */
final class MemoryTable {

    /** Issue 5's budget per tracked instance. */
    static final long BYTES_PER_INSTANCE = 200;

    /**
     * Below this many tracked instances the agent heap is mostly the fixed cost of a site (its
     * registration, counters, detector window), and bytes per instance say nothing.
     */
    static final long FEW_TRACKED = 1_000;

    /** The agent's cap on instances tracked at once ({@code Registry.MAX_TRACKED_INSTANCES}). */
    static final long TABLE_CAP = 1 << 16;

    private final MarkdownTable table = new MarkdownTable("scenario", "table entries>", "agent heap, no match>",
            "agent heap, tracking>", "per table entry>", "budget", "verdict");

    /** Adds the rows of {@code scenario}. */
    void add(MemoryScenario scenario, Map<AgentConfig, Map<String, Long>> results) {
        switch (scenario.id()) {
            case "memory-live" -> instances(String.format(Locale.ROOT, "%,d live maps, 1 allocation site",
                    value(results, AgentConfig.NONE, "maps")), results, "heap", "entries");
            case "memory-sites" -> {
                long sites = value(results, AgentConfig.NONE, "sites");
                instances(String.format(Locale.ROOT, "%,d live maps, %,d allocation sites (%d each)",
                        value(results, AgentConfig.NONE, "maps"), sites, value(results, AgentConfig.NONE, "maps") / Math.max(sites, 1)),
                        results, "heap", "entries");
                perSite(sites, results);
            }
            case "memory-short" -> {
                shortLived(value(results, AgentConfig.NONE, "first"), results, "heapFirst", "entriesFirst");
                shortLived(value(results, AgentConfig.NONE, "total"), results, "heap", "entries");
            }
            default -> throw new IllegalArgumentException(scenario.id());
        }
    }

    /** The table in Markdown. */
    String render() {
        return table.render();
    }

    private void instances(String title, Map<AgentConfig, Map<String, Long>> r, String heapKey, String entriesKey) {
        long entries = value(r, AgentConfig.TRACKING, entriesKey);
        Long agent = agentHeap(r, AgentConfig.TRACKING, heapKey);
        String perEntry = agent == null || entries <= 0 ? "—" : Numbers.bytes((double) agent / entries);
        String verdict = agent == null || entries <= 0 ? "not run"
                : entries < FEW_TRACKED ? "— (" + Numbers.count(entries) + " tracked: the site's pool and sample"
                        + " budget; fixed costs dominate, see the many-site row)"
                : (double) agent / entries <= BYTES_PER_INSTANCE ? "met" : "**missed**";
        table.row(title, Numbers.count(entries), heap(r, AgentConfig.NOMATCH, heapKey), heap(r, AgentConfig.TRACKING, heapKey),
                perEntry, "≤ " + BYTES_PER_INSTANCE + " B per tracked instance", verdict);
    }

    private void perSite(long sites, Map<AgentConfig, Map<String, Long>> r) {
        Long agent = agentHeap(r, AgentConfig.TRACKING, "siteHeap");
        table.row(String.format(Locale.ROOT, "… registering those %,d sites (classes loaded, no map yet)", sites),
                "—", heap(r, AgentConfig.NOMATCH, "siteHeap"), heap(r, AgentConfig.TRACKING, "siteHeap"),
                agent == null ? "—" : Numbers.bytes((double) agent / sites) + " per site", "—", "—");
    }

    private void shortLived(long count, Map<AgentConfig, Map<String, Long>> r, String heapKey, String entriesKey) {
        long entries = value(r, AgentConfig.TRACKING, entriesKey);
        Long agent = agentHeap(r, AgentConfig.TRACKING, heapKey);
        String verdict = agent == null ? "not run"
                : entries <= TABLE_CAP && agent <= TABLE_CAP * BYTES_PER_INSTANCE
                ? "bounded (≤ " + Numbers.count(TABLE_CAP) + " entries × 200 B)" : "**not bounded**";
        table.row(String.format(Locale.ROOT, "after %,d short-lived maps, 1 site (collected)", count),
                Numbers.count(entries), heap(r, AgentConfig.NOMATCH, heapKey), heap(r, AgentConfig.TRACKING, heapKey),
                agent == null || entries <= 0 ? "—" : Numbers.bytes((double) agent / entries), "bounded", verdict);
    }

    private static String heap(Map<AgentConfig, Map<String, Long>> r, AgentConfig config, String key) {
        Long agent = agentHeap(r, config, key);
        return agent == null ? "—" : Numbers.bytes(agent);
    }

    /** The phase's heap delta with {@code config} minus the same without the agent, or null if missing. */
    private static Long agentHeap(Map<AgentConfig, Map<String, Long>> r, AgentConfig config, String key) {
        Map<String, Long> with = r.get(config);
        Map<String, Long> without = r.get(AgentConfig.NONE);
        if (with == null || without == null || !with.containsKey(key) || !without.containsKey(key)) {
            return null;
        }
        return with.get(key) - without.get(key);
    }

    private static long value(Map<AgentConfig, Map<String, Long>> r, AgentConfig config, String key) {
        Map<String, Long> values = r.get(config);
        return values == null ? -1 : values.getOrDefault(key, -1L);
    }
}
