package com.acme.demo.util;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs an action at a fixed rate on a single named daemon thread until closed. */
public final class PeriodicTask implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final ScheduledExecutorService scheduler;

    private PeriodicTask(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Starts running {@code action} every {@code period} (first run after one period) on a daemon
     * thread named {@code name}. An exception from one run is logged and does not stop later runs.
     */
    public static PeriodicTask start(String name, Duration period, Runnable action) {
        ScheduledExecutorService scheduler =
                Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory(name, true));
        long nanos = period.toNanos();
        scheduler.scheduleAtFixedRate(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("periodic task {} failed", name, e);
            }
        }, nanos, nanos, TimeUnit.NANOSECONDS);
        return new PeriodicTask(scheduler);
    }

    /** Stops future runs; a run already in progress is allowed to finish. */
    @Override
    public void close() {
        scheduler.shutdown();
    }
}
