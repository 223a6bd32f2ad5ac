package io.growthwatch.core.runtime;

import io.growthwatch.bootstrap.Faults;
import io.growthwatch.core.instrument.MapInstrumentation;
import io.growthwatch.core.report.Reporters;
import org.slf4j.Logger;

/**
 * Logs the agent's own problems, rate-limited: reporters that stopped working, errors caught inside
 * hooks (the first at once, then at most every ten minutes), classes left uninstrumented after an error.
 */
final class FaultReports {

    /** After the first report of faults caught in hooks, further reports come at most this often. */
    static final long FAULT_REPORT_PERIOD_MILLIS = 10 * 60 * 1000L;

    private final Logger log;
    private final Reporters reporters;
    private final MapInstrumentation transformer;
    private long faultsReported;
    private long faultsReportedAtMillis;
    private long transformFailuresReported;

    FaultReports(Logger log, Reporters reporters, MapInstrumentation transformer) {
        this.log = log;
        this.reporters = reporters;
        this.transformer = transformer;
    }

    /** Logs what went wrong since the last call, within the limits. */
    void report(long nowMillis) {
        for (String failure : reporters.takeFailures()) {
            log.atError().setMessage(failure).log();
        }
        long faults = Faults.count();
        if (faults > faultsReported && (faultsReported == 0 || nowMillis - faultsReportedAtMillis >= FAULT_REPORT_PERIOD_MILLIS)) {
            faultsReportedAtMillis = nowMillis;
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
}
