package com.acme.bench.tracked;

/** What the tracker remembers about one client: when it was last seen and how often. */
public final class Session {

    private long lastSeenMillis;
    private long hits;

    Session(long nowMillis) {
        this.lastSeenMillis = nowMillis;
    }

    /** Records one more hit at {@code nowMillis}. */
    void touch(long nowMillis) {
        lastSeenMillis = nowMillis;
        hits++;
    }

    /** How many times this client was seen. */
    public long hits() {
        return hits;
    }

    /** When this client was last seen, in epoch millis. */
    public long lastSeenMillis() {
        return lastSeenMillis;
    }
}
