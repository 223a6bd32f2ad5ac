package com.acme.demo.http;

import com.acme.demo.Mode;
import com.acme.demo.session.Tracker;
import java.util.concurrent.atomic.AtomicLong;

/** Counts served /visit requests and renders the one-line /stats document. */
public final class ServiceStats {

    private final AtomicLong requests = new AtomicLong();
    private final Tracker tracker;
    private final ProfileService profiles;
    private final Mode mode;

    /** Creates stats over the given tracker and profile cache, labelled with {@code mode}. */
    public ServiceStats(Tracker tracker, ProfileService profiles, Mode mode) {
        this.tracker = tracker;
        this.profiles = profiles;
        this.mode = mode;
    }

    /** Counts one more /visit request. */
    void countRequest() {
        requests.incrementAndGet();
    }

    /** Returns the number of /visit requests served so far. */
    public long requests() {
        return requests.get();
    }

    /** Returns the number of sessions the tracker currently holds. */
    public int trackedSessions() {
        return tracker.size();
    }

    /** Returns the number of cached profiles. */
    public int cacheSize() {
        return profiles.cacheSize();
    }

    /** Renders {@code {"requests":N,"trackedSessions":N,"cacheSize":N,"mode":"leaky"}}. */
    public String toJson() {
        return "{\"requests\":" + requests()
                + ",\"trackedSessions\":" + trackedSessions()
                + ",\"cacheSize\":" + cacheSize()
                + ",\"mode\":\"" + mode.label() + "\"}";
    }
}
