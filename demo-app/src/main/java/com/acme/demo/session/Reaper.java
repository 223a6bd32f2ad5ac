package com.acme.demo.session;

import com.acme.demo.util.PeriodicTask;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fix: a daemon thread that, every {@code every}, reaps sessions idle longer than {@code ttl} and
 * then rebuilds the tracker's map if it has become sparse.
 */
public final class Reaper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Reaper.class);

    private final Tracker tracker;
    private final Duration ttl;
    private final PeriodicTask task;

    private Reaper(Tracker tracker, Duration ttl, Duration every) {
        this.tracker = tracker;
        this.ttl = ttl;
        this.task = PeriodicTask.start("reaper", every, this::runOnce);
    }

    /** Starts reaping {@code tracker} every {@code every} with the given {@code ttl}. */
    public static Reaper start(Tracker tracker, Duration ttl, Duration every) {
        Objects.requireNonNull(tracker, "tracker");
        if (ttl.isNegative() || every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("ttl must be >= 0 and every > 0: ttl=" + ttl + " every=" + every);
        }
        return new Reaper(tracker, ttl, every);
    }

    /**
     * Removes every session of {@code tracker} whose last sighting is older than {@code ttl}; returns
     * how many went.
     */
    public static int reap(Tracker tracker, Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        long cutoff = tracker.nowMillis() - ttl.toMillis();
        return tracker.removeIf(s -> s.lastSeenMillis() < cutoff);
    }

    private void runOnce() {
        int removed = reap(tracker, ttl);
        boolean rebuilt = tracker.rebuildIfSparse();
        if (rebuilt) {
            log.info("rebuilt sparse session map live={}", tracker.size());
        } else {
            log.debug("reaped {} sessions, live={}", removed, tracker.size());
        }
    }

    /** Stops the reaper thread. */
    @Override
    public void close() {
        task.close();
    }
}
