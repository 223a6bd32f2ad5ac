package io.growthwatch.core.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The newest events as JSON lines, the same as the report file's, kept in memory for the live page:
 * at most {@link #MAX_EVENTS} events and {@link #MAX_SITES} site declarations, the oldest dropped first.
 */
public final class RecentEvents extends LineReporter {

    /** Events kept at most. */
    static final int MAX_EVENTS = 5_000;

    /** Site declarations kept at most. */
    static final int MAX_SITES = 1_000;

    private final ArrayDeque<String> events = new ArrayDeque<>(); // guarded by this
    private final Map<String, Boolean> sites = new LinkedHashMap<>(16, 0.75f, false) { // guarded by this
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_SITES;
        }
    };

    /** Keeps the lines, guarded by this. */
    @Override
    void accept(List<String> newLines) {
        for (String line : newLines) {
            if (line.startsWith("{\"event\":\"" + JsonEvents.SITE + "\"")) {
                sites.put(line, Boolean.TRUE);
                continue;
            }
            events.addLast(line);
            if (events.size() > MAX_EVENTS) {
                events.removeFirst();
            }
        }
    }

    /** The site declarations, then the events, oldest first: a report's lines. */
    public synchronized List<String> lines() {
        List<String> all = new ArrayList<>(sites.size() + events.size());
        all.addAll(sites.keySet());
        all.addAll(events);
        return all;
    }

    @Override
    public void close() {
        // memory only
    }
}
