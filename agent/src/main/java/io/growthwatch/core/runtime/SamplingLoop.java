package io.growthwatch.core.runtime;

import io.growthwatch.bootstrap.Epoch;
import io.growthwatch.core.detect.Detector;
import io.growthwatch.core.detect.GrowthRule;
import io.growthwatch.core.detect.IntervalFindings;
import io.growthwatch.core.detect.SiteRow;
import io.growthwatch.core.jmx.BeanRegistration;
import io.growthwatch.core.jmx.SitesBean;
import io.growthwatch.core.report.Reporters;
import io.growthwatch.core.snapshot.IntervalSnapshot;
import io.growthwatch.core.track.SiteMeter;
import org.slf4j.Logger;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The agent's heartbeat, on its own thread: every interval it advances the hooks' clock, measures
 * ({@link SiteMeter}), decides ({@link Detector}), reports ({@link Reporters}), and prints the summary
 * when due; it registers the JMX bean once an MBean server exists ({@link BeanRegistration}).
 * Thresholds changed over JMX apply from the next interval. A sample that fails is retried
 * next interval; after {@link #MAX_CONSECUTIVE_FAILURES} in a row the loop gives up.
 */
final class SamplingLoop {

    /** Consecutive failed samples after which the loop stops. */
    static final int MAX_CONSECUTIVE_FAILURES = 5;

    /** How soon the JMX bean appears after an MBean server does, at most. */
    static final long REGISTRATION_POLL_MILLIS = 500;

    private final long intervalMillis;
    private final long summaryMillis;
    private final SiteMeter meter;
    private final Detector detector;
    private final Reporters reporters;
    private final SitesBean bean;
    private final BeanRegistration registration;
    private final FaultReports faults;
    private final InstrumentationReport instrumented;
    private final Logger log;
    private final boolean failOnPurpose;
    private final AtomicReference<List<SiteRow>> lastRows;
    private final AtomicReference<List<SiteRow>> lastExported;

    SamplingLoop(long intervalMillis, long summaryMillis, SiteMeter meter, Detector detector, Reporters reporters,
                 SitesBean bean, BeanRegistration registration, AtomicReference<List<SiteRow>> lastRows, AtomicReference<List<SiteRow>> lastExported,
                 FaultReports faults,
                 InstrumentationReport instrumented, Logger log, boolean failOnPurpose) {
        this.instrumented = instrumented;
        this.lastRows = lastRows;
        this.lastExported = lastExported;
        this.intervalMillis = intervalMillis;
        this.summaryMillis = summaryMillis;
        this.meter = meter;
        this.detector = detector;
        this.reporters = reporters;
        this.bean = bean;
        this.registration = registration;
        this.faults = faults;
        this.log = log;
        this.failOnPurpose = failOnPurpose;
    }

    /** Samples every interval until interrupted; throws when sampling keeps failing. */
    void run() throws InterruptedException {
        long nextSummary = summaryMillis > 0 ? System.currentTimeMillis() + summaryMillis : Long.MAX_VALUE;
        int failures = 0;
        registration.poll();
        while (true) {
            sleepOneInterval();
            long now = System.currentTimeMillis();
            try {
                synchronized (this) {
                    if (failOnPurpose) {
                        throw new IllegalStateException("fault injected into the sampler (test)");
                    }
                    applyThresholds();
                    Epoch.advance();
                    IntervalSnapshot snapshot = meter.measure(now);
                    IntervalFindings found = detector.observe(snapshot);
                    reporters.publish(found);
                    lastRows.set(found.rows());
                    lastExported.set(found.exported());
                    if (now >= nextSummary) {
                        reporters.summary(found.rows(), "periodic");
                        nextSummary = now + summaryMillis;
                    }
                }
                faults.report(now);
                instrumented.afterInterval();
                failures = 0;
            } catch (Exception e) {
                if (++failures >= MAX_CONSECUTIVE_FAILURES) {
                    throw new IllegalStateException("sampling failed " + failures + " times in a row", e);
                }
                if (failures == 1) {
                    log.atWarn().setMessage("sampling failed; will retry").addKeyValue("error", e.toString()).log();
                }
            }
        }
    }

    /**
     * Sleeps one interval; while the JMX bean waits for an MBean server, in steps of at most
     * {@link #REGISTRATION_POLL_MILLIS}, looking for one after each step.
     */
    private void sleepOneInterval() throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            long step = registration.pending() ? Math.min(left, TimeUnit.MILLISECONDS.toNanos(REGISTRATION_POLL_MILLIS)) : left;
            TimeUnit.NANOSECONDS.sleep(step);
            registration.poll();
        }
    }

    /** Measures now and reports the summary table, without advancing detection (at JVM exit). */
    synchronized void summarize(String reason) {
        reporters.summary(detector.rows(meter.measure(System.currentTimeMillis())), reason);
    }

    /** Applies thresholds changed over JMX, at the start of an interval. */
    private void applyThresholds() {
        GrowthRule rule = detector.rule();
        if (bean.getWindow() != rule.window() || bean.getMinGrowth() != rule.minGrowth()) {
            detector.setRule(new GrowthRule(bean.getWindow(), bean.getMinGrowth()));
            log.atInfo().setMessage("thresholds changed")
                    .addKeyValue("window", bean.getWindow()).addKeyValue("minGrowth", bean.getMinGrowth()).log();
        }
    }
}
