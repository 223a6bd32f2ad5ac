package com.acme.demo.session;

/**
 * What the tracker remembers about one client key: when it was first and last seen, and how often.
 *
 * <p>Mutated only while the owning {@link Tracker}'s lock is held; fields are volatile so that
 * request handlers can read a session after {@link Tracker#seen(String)} returned it.
 */
public final class Session {

    private final long firstSeenMillis;
    private volatile long lastSeenMillis;
    private volatile long hits;

    /** Creates a session first seen at {@code nowMillis} (epoch millis), with no hits yet. */
    public Session(long nowMillis) {
        this.firstSeenMillis = nowMillis;
        this.lastSeenMillis = nowMillis;
    }

    /** Records one more hit at {@code nowMillis} (epoch millis). */
    void touch(long nowMillis) {
        lastSeenMillis = nowMillis;
        hits++;
    }

    /** Returns when this key was first seen, in epoch millis. */
    public long firstSeenMillis() {
        return firstSeenMillis;
    }

    /** Returns when this key was last seen, in epoch millis. */
    public long lastSeenMillis() {
        return lastSeenMillis;
    }

    /** Returns how many times this key has been seen. */
    public long hits() {
        return hits;
    }

    @Override
    public String toString() {
        return "Session[firstSeen=" + firstSeenMillis + ", lastSeen=" + lastSeenMillis + ", hits=" + hits + "]";
    }
}
