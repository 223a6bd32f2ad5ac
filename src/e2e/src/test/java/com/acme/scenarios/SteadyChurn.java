package com.acme.scenarios;

import java.util.concurrent.ConcurrentHashMap;

/** A ConcurrentHashMap with steady churn: every insert is matched by a remove of an old key. */
public final class SteadyChurn {

    private static final int LIVE = 5_000;

    private final ConcurrentHashMap<Long, String> inFlight = new ConcurrentHashMap<>();

    /** Keeps the maps reachable until the JVM exits: the agent's shutdown summary runs after {@code main} returns. */
    static volatile SteadyChurn running;

    public static void main(String[] args) {
        SteadyChurn app = new SteadyChurn();
        running = app;
        long n = Pace.run(Pace.seconds(args, 16), 3000, i -> {
            app.inFlight.put(i, "request-" + i);
            if (i >= LIVE) {
                app.inFlight.remove(i - LIVE);
            }
        });
        System.out.println("steady churn done requests=" + n + " size=" + app.inFlight.size());
    }
}
