package io.growthwatch.core;

import io.growthwatch.bootstrap.Faults;
import io.growthwatch.bootstrap.AgentSwitch;
import io.growthwatch.core.config.AgentOptions;
import io.growthwatch.core.detect.Detector;
import io.growthwatch.core.detect.GrowthRule;
import io.growthwatch.core.instrument.MapInstrumentation;
import io.growthwatch.core.report.AgentLogging;
import io.growthwatch.core.report.LogReporter;
import io.growthwatch.core.report.Reporter;
import io.growthwatch.core.track.HeapModel;
import io.growthwatch.core.track.Sampler;
import io.growthwatch.core.track.TableInspector;
import io.growthwatch.core.detect.HeapEstimate;
import io.growthwatch.core.jfr.JfrReporter;
import io.growthwatch.core.jmx.SitesBean;

import java.lang.instrument.Instrumentation;
import org.slf4j.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The running agent: one daemon thread that sets up logging, then samples every interval, reports
 * findings, summaries and the agent's own faults, and prints a last summary at JVM shutdown.
 */
final class AgentRuntime implements Runnable {

    /** After the first report of faults caught in hooks, further reports come at most this often. */
    static final long FAULT_REPORT_PERIOD_MILLIS = 10 * 60 * 1000L;

    /** Consecutive failed samples after which the agent switches itself off. */
    static final int MAX_CONSECUTIVE_FAILURES = 5;

    private final AgentOptions options;
    private final Instrumentation instrumentation;
    private final MapInstrumentation transformer;
    private final Reporter report;
    private List<Reporter> reporters = List.of(); // set on the agent's thread before sampling starts
    private final boolean attached;
    private final int retransformed;
    private final boolean failSamplesOnPurpose;
    private long faultsReportedAtMillis;
    private volatile Sampler sampler;
    private Detector detector;
    private SitesBean bean;
    private Logger log;
    private long faultsReported;
    private long transformFailuresReported;

    private AgentRuntime(AgentOptions options, Instrumentation instrumentation, MapInstrumentation transformer,
                         Reporter report, boolean attached, int retransformed, boolean failSamplesOnPurpose) {
        this.failSamplesOnPurpose = failSamplesOnPurpose;
        this.options = options;
        this.instrumentation = instrumentation;
        this.transformer = transformer;
        this.report = report;
        this.attached = attached;
        this.retransformed = retransformed;
    }

    static void start(AgentOptions options, Instrumentation instrumentation, MapInstrumentation transformer,
                      Reporter report, boolean attached, int retransformed, boolean failSamplesOnPurpose) {
        AgentRuntime runtime = new AgentRuntime(options, instrumentation, transformer, report, attached, retransformed,
                failSamplesOnPurpose);
        Thread thread = new Thread(runtime, "growthwatch-sampler");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        try {
            // registered here, not on the background thread, so that a JVM which exits at once still
            // gets its summary when the agent got that far, and never a "shutdown in progress" error
            Runtime.getRuntime().addShutdownHook(new Thread(runtime::atShutdown, "growthwatch-shutdown"));
        } catch (IllegalStateException shuttingDown) {
            return;
        }
        thread.start();
    }

    @Override
    public void run() {
        try {
            AgentLogging logging = AgentLogging.toStandardError();
            log = logging.logger("growthwatch");
            reporters = new ArrayList<>();
            reporters.add(new LogReporter(log));
            if (report != null) {
                reporters.add(report);
            }
            Reporter jfr = jfrReporter();
            if (jfr != null) {
                reporters.add(jfr);
            }
            HeapModel heapModel = new HeapModel(instrumentation);
            detector = new Detector(new GrowthRule(options.window(), options.minGrowth()),
                    options.interval().toMillis(), new HeapEstimate() {
                        @Override
                        public long entryBytes(io.growthwatch.bootstrap.AllocSite site, double slotsPerEntry) {
                            return heapModel.entryBytes(site, slotsPerEntry);
                        }

                        @Override
                        public long heapMax() {
                            return HeapModel.heapMax();
                        }

                        @Override
                        public long heapUsed() {
                            return HeapModel.heapUsedAfterGc();
                        }
                    });
            sampler = new Sampler(detector, reporters, TableInspector.open(instrumentation), heapModel.referenceBytes(),
                    options.oversizedMin());
            log.atInfo().setMessage("started")
                    .addKeyValue("packages", String.join(":", options.packages()))
                    .addKeyValue("interval", AgentOptions.format(options.interval()))
                    .addKeyValue("window", options.window())
                    .addKeyValue("minGrowth", options.minGrowth())
                    .addKeyValue("report", options.report() == null ? "none" : options.report().toString())
                    .addKeyValue("attached", attached)
                    .addKeyValue("retransformed", retransformed)
                    .log();
            if (BootstrapInjector.twinsFailure != null) {
                log.atWarn().setMessage("maps cannot count themselves on this JVM; their inserts and removes are "
                        + "estimated from their sizes").addKeyValue("reason", BootstrapInjector.twinsFailure).log();
            }
            registerBean();
            loop();
        } catch (Throwable t) {
            AgentSwitch.disable();
            System.err.println(Installer.ERROR + "stopped after an internal error (" + t
                    + "); hooks are switched off, the application continues");
        }
    }

    private void loop() throws InterruptedException {
        long intervalMillis = options.interval().toMillis();
        long summaryMillis = options.summary().toMillis();
        long nextSummary = summaryMillis > 0 ? System.currentTimeMillis() + summaryMillis : Long.MAX_VALUE;
        int failures = 0;
        while (true) {
            TimeUnit.MILLISECONDS.sleep(intervalMillis);
            long now = System.currentTimeMillis();
            try {
                synchronized (this) {
                    if (failSamplesOnPurpose) {
                        throw new IllegalStateException("fault injected into the sampler (test)");
                    }
                    applyThresholds();
                    sampler.sample(now);
                    if (now >= nextSummary) {
                        sampler.summarize("periodic");
                        nextSummary = now + summaryMillis;
                    }
                }
                reportOwnProblems();
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

    private Reporter jfrReporter() {
        try {
            return new JfrReporter();
        } catch (Throwable t) {
            log.atInfo().setMessage("JFR events are unavailable on this JVM").addKeyValue("reason", t.toString()).log();
            return null;
        }
    }

    /** Registers {@code growthwatch:type=Sites} in the platform MBean server; the agent runs on without it. */
    private void registerBean() {
        bean = new SitesBean(options, sampler::lastRows);
        try {
            bean.register();
        } catch (Throwable t) {
            log.atWarn().setMessage("could not register the JMX bean; JMX and 'status' are unavailable")
                    .addKeyValue("reason", t.toString()).log();
        }
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

    /** Reports, at most once per interval, faults caught in hooks and classes left untransformed. */
    private void reportOwnProblems() {
        for (Reporter r : reporters) {
            String failure = r.takeFailure();
            if (failure != null) {
                log.atError().setMessage(failure).log();
            }
        }
        long faults = Faults.count();
        long now = System.currentTimeMillis();
        if (faults > faultsReported && (faultsReported == 0 || now - faultsReportedAtMillis >= FAULT_REPORT_PERIOD_MILLIS)) {
            faultsReportedAtMillis = now;
            log.atWarn().setMessage("errors inside growthwatch hooks were caught; the application was not affected")
                    .addKeyValue("count", faults).addKeyValue("first", String.valueOf(Faults.first())).log();
            faultsReported = faults;
        }
        long failed = transformer.failedCount();
        if (failed > transformFailuresReported) {
            log.atDebug().setMessage("classes left uninstrumented after an error")
                    .addKeyValue("count", failed).addKeyValue("last", transformer.takeLastFailure()).log();
            transformFailuresReported = failed;
        }
    }

    private void atShutdown() {
        Sampler current = sampler;
        if (current == null) {
            return;
        }
        try {
            synchronized (this) {
                current.summarize("shutdown");
            }
        } catch (Throwable ignored) {
            // the JVM is going away; nothing more to report
        }
    }
}
