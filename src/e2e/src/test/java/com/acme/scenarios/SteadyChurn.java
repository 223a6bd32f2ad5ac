package com.acme.scenarios;

import java.util.concurrent.ConcurrentHashMap;

/** A ConcurrentHashMap with steady churn: every insert is matched by a remove of an old key. */
public final class SteadyChurn {

    private static final int LIVE = 5_000;

    private final ConcurrentHashMap<Long, String> inFlight = new ConcurrentHashMap<>();

    public static void main(String[] args) {
        SteadyChurn app = Pace.keepUntilExit(new SteadyChurn());
        long n = Pace.run(Pace.seconds(args, 16), 3000, i -> {
            app.inFlight.put(i, "request-" + i);
            if (i >= LIVE) {
                app.inFlight.remove(i - LIVE);
            }
        });
        System.out.println("steady churn done requests=" + n + " size=" + app.inFlight.size());
    }
}
