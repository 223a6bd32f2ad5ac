package io.growthwatch.core.runtime;

import io.growthwatch.bootstrap.AgentSwitch;
import io.growthwatch.core.config.AgentOptions;
import io.growthwatch.core.config.Console;
import io.growthwatch.core.detect.Detector;
import io.growthwatch.core.detect.GrowthRule;
import io.growthwatch.core.detect.SiteRow;
import io.growthwatch.core.evidence.UnreadFieldFinder;
import io.growthwatch.core.instrument.MapInstrumentation;
import io.growthwatch.core.jfr.JfrReporter;
import io.growthwatch.core.jmx.BeanRegistration;
import io.growthwatch.core.jmx.SitesBean;
import io.growthwatch.core.metrics.MetricsEndpoint;
import io.growthwatch.core.metrics.SiteMetrics;
import io.growthwatch.core.report.AgentLogging;
import io.growthwatch.core.report.JsonLinesReporter;
import io.growthwatch.core.report.LogReporter;
import io.growthwatch.core.report.RecentEvents;
import io.growthwatch.core.report.ReportFile;
import io.growthwatch.core.report.Reporter;
import io.growthwatch.core.report.Reporters;
import io.growthwatch.core.track.HeapModel;
import io.growthwatch.core.track.SiteMeter;
import io.growthwatch.core.track.TableInspector;
import org.slf4j.Logger;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wires the running agent on its own daemon thread, the last step of the start-up path (launcher,
 * installer, runtime): logging, the reporters (log, JSON, JFR), the meter, the detector, the JMX
 * bean (registered by the loop once an MBean server exists), then the {@link SamplingLoop}; and the
 * summary at JVM exit.
 */
public final class AgentRuntime {

    /** What the installer hands over. */
    private final AgentOptions options;
    private final Instrumentation instrumentation;
    private final MapInstrumentation transformer;
    private final ReportFile reportFile;
    private final boolean attached;
    private final int retransformed;
    private final String twinsFailure;
    private final boolean failSamplesOnPurpose;
    private volatile SamplingLoop loop;

    private AgentRuntime(AgentOptions options, Instrumentation instrumentation, MapInstrumentation transformer,
                         ReportFile reportFile, boolean attached, int retransformed, String twinsFailure,
                         boolean failSamplesOnPurpose) {
        this.options = options;
        this.instrumentation = instrumentation;
        this.transformer = transformer;
        this.reportFile = reportFile;
        this.attached = attached;
        this.retransformed = retransformed;
        this.twinsFailure = twinsFailure;
        this.failSamplesOnPurpose = failSamplesOnPurpose;
    }

    /**
     * Starts the agent's thread, and registers its exit summary here rather than on that thread, so
     * that a JVM which exits at once still gets it when the agent got that far.
     *
     * @param reportFile   the opened JSON-lines report, or null
     * @param twinsFailure why maps cannot count themselves on this JVM, or null when they can
     */
    public static void start(AgentOptions options, Instrumentation instrumentation, MapInstrumentation transformer,
                             ReportFile reportFile, boolean attached, int retransformed, String twinsFailure,
                             boolean failSamplesOnPurpose) {
        AgentRuntime runtime = new AgentRuntime(options, instrumentation, transformer, reportFile, attached, retransformed,
                twinsFailure, failSamplesOnPurpose);
        Thread thread = new Thread(new Runnable() { // classes, not lambdas: no lambda spinning in the application's start-up
            @Override
            public void run() {
                runtime.run();
            }
        }, "growthwatch-sampler");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
                @Override
                public void run() {
                    runtime.atShutdown();
                }
            }, "growthwatch-shutdown"));
        } catch (IllegalStateException shuttingDown) {
            return;
        }
        thread.start();
    }

    private void run() {
        try {
            Logger log = AgentLogging.toStandardError().logger("growthwatch");
            RecentEvents recent = options.metrics() == null ? null : new RecentEvents();
            Reporters reporters = new Reporters(reporters(log, recent));
            HeapModel heap = new HeapModel(instrumentation);
            SiteMeter meter = new SiteMeter(TableInspector.open(instrumentation), heap,
                    new UnreadFieldFinder(transformer.fieldUse(), transformer.filter()),
                    options.interval().toMillis() / 2);
            Detector detector = new Detector(new GrowthRule(options.window(), options.minGrowth()),
                    options.interval().toMillis(), options.oversizedMin(), options.metricsTopSites())
                    .withMinGrowthBytes(options.minGrowthBytes());
            AtomicReference<List<SiteRow>> lastRows = new AtomicReference<>(List.of());
            AtomicReference<List<SiteRow>> lastExported = new AtomicReference<>(List.of());
            SitesBean bean = new SitesBean(options, lastRows::get, lastExported::get);
            // the loop exists before the slower steps below, so that a JVM exiting early still gets its summary
            loop = new SamplingLoop(options.interval().toMillis(), options.summary().toMillis(), meter, detector,
                    reporters, bean, BeanRegistration.of(bean, log), lastRows, lastExported,
                    new FaultReports(log, reporters, transformer),
                    new InstrumentationReport(log, options, transformer, instrumentation), log, failSamplesOnPurpose);
            logStart(log);
            if (recent != null) {
                serveMetrics(log, new SiteMetrics(lastExported::get), recent);
            }
            loop.run();
        } catch (Throwable t) {
            AgentSwitch.disable();
            Console.error("stopped after an internal error (" + t + "); hooks are switched off, the application continues");
        }
    }

    /**
     * Starts the metrics endpoint from this daemon thread (so that the HTTP server's own dispatcher
     * thread is a daemon too); a port in use is one line on standard error, and the agent runs on.
     */
    private void serveMetrics(Logger log, SiteMetrics metrics, RecentEvents recent) {
        try {
            MetricsEndpoint endpoint = MetricsEndpoint.start(options.metrics(), metrics, recent);
            String base = "http://" + hostForUrl(options.metrics().host()) + ":" + endpoint.port();
            log.atInfo().setMessage("serving metrics").addKeyValue("metrics", base + "/metrics")
                    .addKeyValue("page", base + "/").log();
        } catch (IOException | RuntimeException | LinkageError e) {
            Console.error("option 'metrics': " + e.getMessage() + "; no metrics are served, the agent runs on");
        }
    }

    private static String hostForUrl(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    /** Every reporter, created here: the log, the JSON-lines report when asked for, JFR where available. */
    private List<Reporter> reporters(Logger log, RecentEvents recent) {
        List<Reporter> reporters = new ArrayList<>();
        reporters.add(new LogReporter(log));
        if (reportFile != null) {
            reporters.add(new JsonLinesReporter(reportFile));
        }
        if (recent != null) {
            reporters.add(recent);
        }
        try {
            reporters.add(new JfrReporter());
        } catch (Throwable t) {
            log.atInfo().setMessage("JFR events are unavailable on this JVM").addKeyValue("reason", t.toString()).log();
        }
        return reporters;
    }

    private void logStart(Logger log) {
        var line = log.atInfo().setMessage("started");
        for (var option : options.inForce().entrySet()) {
            line = line.addKeyValue(option.getKey(), option.getValue());
        }
        line.addKeyValue("attached", attached).addKeyValue("retransformed", retransformed).log();
        if (twinsFailure != null) {
            log.atWarn().setMessage("maps cannot count themselves on this JVM; their inserts and removes are "
                    + "estimated from their sizes").addKeyValue("reason", twinsFailure).log();
        }
    }

    private void atShutdown() {
        SamplingLoop current = loop;
        if (current == null) {
            return;
        }
        try {
            current.summarize("shutdown");
        } catch (Throwable ignored) {
            // the JVM is going away; nothing more to report
        }
    }
}
