package com.acme.bench.tracked;

import java.util.HashMap;
import java.util.Map;

/** Remembers every client key seen, as the demo service's tracker does: looks up, inserts, never removes. */
public final class SessionTracker {

    private final Map<String, Session> sessions = new HashMap<>();

    /** Records a hit for {@code key} at {@code nowMillis}, creating its session on first sight. */
    public synchronized Session seen(String key, long nowMillis) {
        Session session = sessions.get(key);
        if (session == null) {
            session = new Session(nowMillis);
            sessions.put(key, session);
        }
        session.touch(nowMillis);
        return session;
    }

    /** Number of clients tracked. */
    public synchronized int size() {
        return sessions.size();
    }
}
