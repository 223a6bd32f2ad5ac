package com.acme.scenarios;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** The seed's fix: the same tracker, with a reaper that expires sessions by lastSeen through an iterator. */
public final class ReapedTracker {

    private final Map<String, long[]> sessions = new HashMap<>();

    synchronized void seen(String key) {
        long now = System.currentTimeMillis();
        long[] s = sessions.get(key);
        if (s == null) {
            s = new long[] {now, now};
            sessions.put(key, s);
        }
        s[1] = now;
    }

    synchronized void reap(long ttlMillis) {
        long cutoff = System.currentTimeMillis() - ttlMillis;
        for (Iterator<long[]> it = sessions.values().iterator(); it.hasNext(); ) {
            if (it.next()[1] < cutoff) {
                it.remove();
            }
        }
    }

    synchronized int size() {
        return sessions.size();
    }

    public static void main(String[] args) {
        ReapedTracker tracker = new ReapedTracker();
        Thread reaper = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
                tracker.reap(1000);
            }
        });
        reaper.setDaemon(true);
        reaper.start();
        long n = Pace.run(Pace.seconds(args, 30), 2000, i -> tracker.seen("client-" + i));
        System.out.println("reaped tracker done requests=" + n + " sessions=" + tracker.size());
    }
}
