package com.acme.scenarios;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Sorted maps that leak: a {@code TreeMap} of events by time and a {@code ConcurrentSkipListMap} of
 * prices by symbol, both only added to. With {@code bounded} as the second argument both drop their
 * oldest entries beyond 500: the twins that must stay quiet.
 */
public final class SortedLeak {

    private final TreeMap<Long, String> events = new TreeMap<>();
    private final NavigableMap<String, Long> prices = new ConcurrentSkipListMap<>();

    synchronized void tick(long i, boolean bounded) {
        events.put(i, "event");
        prices.put("symbol-" + i, i);
        if (bounded) {
            while (events.size() > 500) {
                events.pollFirstEntry();
            }
            while (prices.size() > 500) {
                prices.pollFirstEntry();
            }
        }
    }

    public static void main(String[] args) {
        boolean bounded = args.length > 1 && args[1].equals("bounded");
        SortedLeak leak = new SortedLeak();
        long n = Pace.run(Pace.seconds(args, 12), 2000, i -> leak.tick(i, bounded));
        Map<Long, String> events = leak.events;
        System.out.println("sorted leak done ticks=" + n + " events=" + events.size() + " prices=" + leak.prices.size());
    }
}
