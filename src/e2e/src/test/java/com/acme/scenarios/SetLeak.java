package com.acme.scenarios;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sets that leak, one of each kind: ids seen (a {@code HashSet} asked {@code contains} first), an
 * order kept with {@code addAll} and half removed with {@code removeAll} ({@code LinkedHashSet}), sessions in {@code ConcurrentHashMap.newKeySet()},
 * times in a {@code TreeSet}, symbols in a {@code ConcurrentSkipListSet}, tokens in
 * {@code Collections.newSetFromMap}, regions in a set made by {@code Collectors.toSet()}. With {@code bounded} as the second argument each drops its
 * elements older than 500 ticks: the twins that must stay quiet.
 */
public final class SetLeak {

    static final int KEEP = 500;

    private final Set<String> seenIds = new HashSet<>();
    private final LinkedHashSet<Long> order = new LinkedHashSet<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final TreeSet<Long> times = new TreeSet<>();
    private final NavigableSet<String> symbols = new ConcurrentSkipListSet<>();
    private final Set<String> tokens = Collections.newSetFromMap(new ConcurrentHashMap<>());
    private final Set<String> regions = Stream.of("eu", "us").collect(Collectors.toSet());

    synchronized void tick(long i, boolean bounded) {
        String id = "id-" + i;
        if (!seenIds.contains(id)) {
            seenIds.add(id);
        }
        order.addAll(List.of(i));
        if (!bounded && i % 2 == 1) {
            order.removeAll(List.of(i - 1)); // removes half: still a leak, with a remover to name
        }
        sessions.add("session-" + i);
        times.add(i);
        symbols.add(String.format("sym-%09d", i));
        tokens.add("token-" + i);
        regions.add("region-" + i);
        if (bounded && i >= KEEP) {
            long old = i - KEEP;
            seenIds.remove("id-" + old);
            order.removeIf(x -> x <= old);
            sessions.remove("session-" + old);
            times.pollFirst();
            symbols.pollFirst();
            tokens.remove("token-" + old);
            regions.remove("region-" + old);
        }
    }

    public static void main(String[] args) {
        boolean bounded = args.length > 1 && args[1].equals("bounded");
        SetLeak leak = new SetLeak();
        long n = Pace.run(Pace.seconds(args, 12), 2000, i -> leak.tick(i, bounded));
        System.out.println("set leak done ticks=" + n + " seenIds=" + leak.seenIds.size() + " order=" + leak.order.size()
                + " sessions=" + leak.sessions.size() + " times=" + leak.times.size() + " symbols=" + leak.symbols.size()
                + " tokens=" + leak.tokens.size() + " regions=" + leak.regions.size() + " class=" + leak.seenIds.getClass().getName());
    }
}
