package com.acme.scenarios;

import java.util.HashMap;
import java.util.Map;

/** The seed's bug: every client key ever seen is kept; insert and lookup, never delete. */
public final class SeedTracker {

    static final class Session {
        final long firstSeen;
        long lastSeen;

        Session(long now) {
            firstSeen = now;
            lastSeen = now;
        }
    }

    private final Map<String, Session> sessions = new HashMap<>();

    synchronized Session seen(String key) {
        long now = System.currentTimeMillis();
        Session s = sessions.get(key);
        if (s == null) {
            s = new Session(now);
            sessions.put(key, s);
        }
        s.lastSeen = now;
        return s;
    }

    synchronized int size() {
        return sessions.size();
    }

    public static void main(String[] args) {
        SeedTracker tracker = new SeedTracker();
        long n = Pace.run(Pace.seconds(args, 30), 2000, i -> tracker.seen("client-" + i));
        System.out.println("seed tracker done requests=" + n + " sessions=" + tracker.size());
    }
}
