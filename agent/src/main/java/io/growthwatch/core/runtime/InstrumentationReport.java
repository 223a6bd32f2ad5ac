package io.growthwatch.core.runtime;

import io.growthwatch.bootstrap.Registry;
import io.growthwatch.core.config.AgentOptions;
import io.growthwatch.core.instrument.MapInstrumentation;
import io.growthwatch.core.instrument.PackageHints;
import org.slf4j.Logger;

import java.lang.instrument.Instrumentation;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says once what the chosen packages amounted to, after the application has loaded classes for a
 * while ({@link #INTERVALS} intervals): how many classes were in them, how many were rewritten, how
 * many allocation and call sites they have; and, when no loaded class was in them (a typo such as
 * {@code com.exmaple}), a WARN naming the value and the loaded packages closest to it.
 */
final class InstrumentationReport {

    /** Intervals after which the report is logged. */
    static final int INTERVALS = 2;

    /** Loaded packages named at most as near misses. */
    static final int HINTS = 3;

    private final Logger log;
    private final AgentOptions options;
    private final MapInstrumentation transformer;
    private final Instrumentation instrumentation;
    private int intervals;

    InstrumentationReport(Logger log, AgentOptions options, MapInstrumentation transformer, Instrumentation instrumentation) {
        this.log = log;
        this.options = options;
        this.transformer = transformer;
        this.instrumentation = instrumentation;
    }

    /** Called after every interval; logs on the {@link #INTERVALS}th. */
    void afterInterval() {
        if (++intervals != INTERVALS) {
            return;
        }
        long matched = transformer.matchedCount();
        log.atInfo().setMessage("instrumented")
                .addKeyValue("classes", transformer.transformedCount())
                .addKeyValue("classesInPackages", matched)
                .addKeyValue("allocationSites", Registry.allocSites().length)
                .addKeyValue("callSites", Registry.callSites().length)
                .addKeyValue("transformTime", transformer.transformMillis() + " ms")
                .addKeyValue("packages", String.join(":", options.packages()))
                .addKeyValue("exclude", options.excludes().isEmpty() ? "none" : String.join(":", options.excludes()))
                .log();
        if (matched == 0) {
            List<String> near = PackageHints.closest(options.packages(), loadedPackages(), HINTS);
            log.atWarn().setMessage("no loaded class is in the chosen packages; check option 'packages'")
                    .addKeyValue("packages", String.join(":", options.packages()))
                    .addKeyValue("closestLoaded", near.isEmpty() ? "none near" : String.join(", ", near))
                    .log();
        }
    }

    private Set<String> loadedPackages() {
        Set<String> packages = new TreeSet<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            String name = type.getPackageName();
            if (!name.isEmpty() && !name.startsWith("java.") && !name.startsWith("javax.") && !name.startsWith("jdk.")
                    && !name.startsWith("sun.") && !name.startsWith("com.sun.") && !name.startsWith("io.growthwatch.")) {
                packages.add(name);
            }
        }
        return packages;
    }
}
