package io.growthwatch.core;

import io.growthwatch.bootstrap.AgentSwitch;
import io.growthwatch.core.config.AgentOptions;
import io.growthwatch.core.instrument.MapInstrumentation;
import io.growthwatch.core.instrument.PackageFilter;
import io.growthwatch.core.report.Reporter;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Switches the agent on once its hooks are in the bootstrap loader: registers the transformer,
 * retransforms the chosen classes already loaded and starts the background thread.
 */
final class Activation {

    private Activation() {
    }

    static void activate(AgentOptions options, Reporter report, Instrumentation instrumentation, boolean attached) {
        if (!AgentSwitch.claimStart()) {
            System.err.println(Installer.ERROR + "growthwatch is already running in this JVM; this second start is ignored");
            if (report != null) {
                report.close();
            }
            return;
        }
        System.setProperty(Installer.ACTIVE_PROPERTY, String.join(":", options.packages()));
        FaultInjection faults = FaultInjection.fromSystemProperty();
        MapInstrumentation transformer = new MapInstrumentation(new PackageFilter(options.packages(), options.excludes()),
                faults.transform());
        AgentSwitch.enable();
        if (attached) {
            AgentSwitch.adoptPreexisting();
        }
        instrumentation.addTransformer(transformer, true);
        int retransformed = retransformLoaded(instrumentation, transformer);
        AgentRuntime.start(options, instrumentation, transformer, report, attached, retransformed, faults.sampler());
    }

    /** Retransforms classes of the chosen packages that were loaded before the transformer was added. */
    private static int retransformLoaded(Instrumentation instrumentation, MapInstrumentation transformer) {
        if (!instrumentation.isRetransformClassesSupported()) {
            return 0;
        }
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (instrumentation.isModifiableClass(type) && transformer.accepts(type)) {
                loaded.add(type);
            }
        }
        int done = 0;
        for (Class<?> type : loaded) {
            try {
                instrumentation.retransformClasses(type);
                done++;
            } catch (Throwable t) {
                // left as it is; the transformer counts what it could not rewrite
            }
        }
        return done;
    }
}
