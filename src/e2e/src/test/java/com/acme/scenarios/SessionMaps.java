package com.acme.scenarios;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * A small map per session, 1,000 new sessions a second, each map steady at ten attributes: the leak
 * is the number of maps, kept in a list that only grows; each request also makes 16 KB of garbage,
 * as request handling does, so that collections run often. Arguments: seconds of new sessions;
 * {@code leaky} or {@code expiring} (the list keeps the newest 1,000 only: the twin that must stay
 * quiet); seconds to go on serving requests without new sessions afterwards.
 */
public final class SessionMaps {

    static final Deque<Map<String, String>> SESSIONS = new ArrayDeque<>();
    static volatile byte[] sink;

    static synchronized void open(long i, boolean expiring) {
        Map<String, String> attributes = new HashMap<>();
        for (int a = 0; a < 10; a++) {
            attributes.put("attribute-" + a, "value-" + i);
        }
        SESSIONS.addLast(attributes);
        if (expiring && SESSIONS.size() > 1_000) {
            SESSIONS.removeFirst();
        }
        sink = new byte[16 << 10];
    }

    public static void main(String[] args) {
        boolean expiring = args.length > 1 && args[1].equals("expiring");
        double hold = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        long n = Pace.run(Pace.seconds(args, 14), 1000, i -> open(i, expiring));
        Pace.run(hold, 1000, i -> sink = new byte[16 << 10]);
        synchronized (SessionMaps.class) {
            System.out.println("session maps done sessions=" + n + " live=" + SESSIONS.size());
        }
    }
}
