package com.acme.scenarios;

import java.util.HashMap;
import java.util.Map;

/**
 * The seed tracker with a reaper that reads lastSeen but whose time-to-live is far too long: the map
 * still grows, yet lastSeen is read, so it is no confession.
 */
public final class LaxReaper {

    static final class Session {
        long lastSeen;

        Session(long now) {
            lastSeen = now;
        }
    }

    private final Map<String, Session> sessions = new HashMap<>();

    synchronized void seen(String key) {
        long now = System.currentTimeMillis();
        Session s = sessions.get(key);
        if (s == null) {
            s = new Session(now);
            sessions.put(key, s);
        }
        s.lastSeen = now;
    }

    synchronized void reap(long ttlMillis) {
        long cutoff = System.currentTimeMillis() - ttlMillis;
        sessions.values().removeIf(s -> s.lastSeen < cutoff);
    }

    synchronized int size() {
        return sessions.size();
    }

    public static void main(String[] args) {
        LaxReaper tracker = new LaxReaper();
        Thread reaper = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                tracker.reap(3_600_000);
            }
        });
        reaper.setDaemon(true);
        reaper.start();
        long n = Pace.run(Pace.seconds(args, 30), 2000, i -> tracker.seen("client-" + i));
        System.out.println("lax reaper done requests=" + n + " sessions=" + tracker.size());
    }
}
