package com.acme.scenarios;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counters over a fixed vocabulary of keys, updated all the time: every key comes back. */
public final class Vocabulary {

    enum Outcome { OK, REDIRECT, NOT_FOUND, ERROR, TIMEOUT }

    private final Map<Outcome, Long> byOutcome = new ConcurrentHashMap<>();
    private final Map<String, Integer> byEndpoint = new HashMap<>();

    synchronized void handled(long i) {
        byOutcome.merge(Outcome.values()[(int) (i % Outcome.values().length)], 1L, Long::sum);
        String endpoint = "/api/v1/endpoint-" + (i % 40);
        Integer n = byEndpoint.get(endpoint);
        byEndpoint.put(endpoint, n == null ? 1 : n + 1);
    }

    public static void main(String[] args) {
        Vocabulary counters = Pace.keepUntilExit(new Vocabulary());
        long n = Pace.run(Pace.seconds(args, 30), 2000, counters::handled);
        System.out.println("vocabulary done requests=" + n + " endpoints=" + counters.byEndpoint.size());
    }
}
