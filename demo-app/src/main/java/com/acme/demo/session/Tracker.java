package com.acme.demo.session;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Remembers every client key it has seen, with first/last-seen times: the Java retelling of the Go
 * {@code tracker} whose {@code map[string]*session} only ever grew.
 *
 * <p>{@link #seen(String)} inserts and looks up but never deletes. Left alone (leaky mode) the map
 * grows with every distinct key forever. The fix (fixed mode) is a {@link Reaper} that expires
 * sessions by their last sighting and calls {@link #rebuildIfSparse()} periodically.
 */
public final class Tracker {

    /** Default smallest high-water mark at which {@link #rebuildIfSparse()} bothers to rebuild. */
    public static final int DEFAULT_MIN_REBUILD_HIGH_WATER = 1_024;

    /** A rebuild happens when the live count is below highWater / SPARSE_FACTOR. */
    private static final int SPARSE_FACTOR = 4;

    private final LongSupplier clockMillis;
    private final int minRebuildHighWater;

    /** Every key ever seen (until someone reaps). Non-final so a sparse map can be swapped out. */
    private Map<String, Session> sessions;

    private int highWater;

    /** Creates a tracker on the system clock. */
    public Tracker() {
        this(System::currentTimeMillis, DEFAULT_MIN_REBUILD_HIGH_WATER);
    }

    /**
     * Creates a tracker reading time (epoch millis) from {@code clockMillis}, which rebuilds only once
     * its high-water mark has reached {@code minRebuildHighWater}.
     */
    public Tracker(LongSupplier clockMillis, int minRebuildHighWater) {
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
        if (minRebuildHighWater < 1) {
            throw new IllegalArgumentException("minRebuildHighWater must be >= 1: " + minRebuildHighWater);
        }
        this.minRebuildHighWater = minRebuildHighWater;
        sessions = new HashMap<>();
    }

    /**
     * Records a hit for {@code key}, creating its session on first sight, and returns the session.
     * Inserts and looks up; never deletes.
     */
    public synchronized Session seen(String key) {
        long now = clockMillis.getAsLong();
        Session s = sessions.get(key);
        if (s == null) {
            s = new Session(now);
            sessions.put(key, s);
            if (sessions.size() > highWater) {
                highWater = sessions.size();
            }
        }
        s.touch(now);
        return s;
    }

    /** Returns the number of sessions currently tracked. */
    public synchronized int size() {
        return sessions.size();
    }

    /** Returns the largest size seen since creation or since the last rebuild. */
    public synchronized int highWaterMark() {
        return highWater;
    }

    /**
     * Removes every session {@code expired} accepts; returns how many went. The tracker itself never
     * decides that a session is over: that is {@link Reaper}'s job, in fixed mode only.
     */
    public synchronized int removeIf(Predicate<Session> expired) {
        Objects.requireNonNull(expired, "expired");
        int before = sessions.size();
        sessions.values().removeIf(expired);
        return before - sessions.size();
    }

    /** Returns the time of the tracker's clock, in epoch millis. */
    public long nowMillis() {
        return clockMillis.getAsLong();
    }

    /**
     * When the live count has fallen below a quarter of the high-water mark (and that mark is at least
     * the configured minimum), copies the live sessions into a fresh map, swaps it in so the old
     * oversized table can be collected, and resets the high-water mark. Returns whether it rebuilt.
     */
    public synchronized boolean rebuildIfSparse() {
        int live = sessions.size();
        if (highWater < minRebuildHighWater || live >= highWater / SPARSE_FACTOR) {
            return false;
        }
        sessions = new HashMap<>(sessions);
        highWater = live;
        return true;
    }
}
