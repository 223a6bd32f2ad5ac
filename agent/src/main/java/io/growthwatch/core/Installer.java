package io.growthwatch.core;

import io.growthwatch.bootstrap.AgentSwitch;
import io.growthwatch.core.config.AgentOptions;
import io.growthwatch.core.config.Console;
import io.growthwatch.core.config.OptionException;
import io.growthwatch.core.config.OptionsParser;
import io.growthwatch.core.instrument.MapInstrumentation;
import io.growthwatch.core.instrument.PackageFilter;
import io.growthwatch.core.report.ReportFile;
import io.growthwatch.core.runtime.AgentRuntime;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Installs the agent, the middle of the start-up path (launcher, installer, runtime): validates the
 * options and opens the report, puts the hooks in the bootstrap loader, switches them on, registers
 * the transformer, retransforms the chosen classes already loaded, and starts the {@link AgentRuntime}.
 * On bad input it prints one line naming the option and what was expected, and leaves the
 * application untouched. Touches no bootstrap class before they are injected.
 */
public final class Installer {

    private Installer() {
    }

    /** Called by the launcher's {@code premain}: installs the agent at the JVM's start. */
    public static void premain(String args, Instrumentation instrumentation) {
        install(args, instrumentation, false, agentJar());
    }

    /** Called by the launcher's {@code agentmain}: installs the agent into a running JVM. */
    public static void agentmain(String args, Instrumentation instrumentation) {
        install(args, instrumentation, true, agentJar());
    }

    /**
     * The agent jar, from which the launcher's class loader defined this class, or null when running
     * from class folders (as the launcher finds it for itself; this class cannot see the launcher's).
     */
    private static File agentJar() {
        try {
            File source = new File(Installer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return source.isFile() ? source : null;
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Validates everything before it changes anything in the JVM, then installs.
     *
     * @param agentJar the agent jar, or null when running from class folders
     */
    private static void install(String args, Instrumentation instrumentation, boolean attached, File agentJar) {
        AgentOptions options;
        ReportFile report = null;
        try {
            options = OptionsParser.parse(args);
            if (options.report() != null) {
                report = ReportFile.open(options.report());
            }
        } catch (OptionException e) {
            refuse(e.getMessage());
            return;
        } catch (IOException e) {
            refuse("option 'report': cannot open the file (" + e.getMessage() + ")");
            return;
        }
        try {
            BootstrapInjector.inject(instrumentation, agentJar);
        } catch (IOException | RuntimeException e) {
            refuse("cannot make the hooks visible to the application (" + e + ")");
            closeQuietly(report);
            return;
        }
        activate(options, report, instrumentation, attached);
    }

    /** Says why the agent does not start, on standard error and in the verdict that {@code attach} reads. */
    private static void refuse(String reason) {
        Console.error(reason + "; growthwatch is disabled, the application continues");
        verdict("refused: " + reason);
    }

    /** Records the outcome of this start attempt for {@code attach} (see {@link AgentOptions#VERDICT_PROPERTY}). */
    private static void verdict(String outcome) {
        try {
            System.setProperty(AgentOptions.VERDICT_PROPERTY, System.nanoTime() + " " + outcome);
        } catch (RuntimeException e) {
            // a security manager that forbids it: attach then reports that it cannot tell
        }
    }

    /** Switches the hooks on, instruments, and starts the runtime; a second start in one JVM is refused. */
    private static void activate(AgentOptions options, ReportFile report, Instrumentation instrumentation, boolean attached) {
        if (!AgentSwitch.claimStart()) {
            Console.error("growthwatch is already running in this JVM; this second start is ignored");
            verdict("refused: growthwatch is already running in this JVM");
            closeQuietly(report);
            return;
        }
        System.setProperty(AgentOptions.ACTIVE_PROPERTY, String.join(":", options.packages()));
        FaultInjection faults = FaultInjection.fromSystemProperty();
        MapInstrumentation transformer = new MapInstrumentation(new PackageFilter(options.packages(), options.excludes()),
                faults.transform());
        AgentSwitch.enable();
        if (attached) {
            AgentSwitch.adoptPreexisting();
        }
        instrumentation.addTransformer(transformer, true);
        int retransformed = retransformLoaded(instrumentation, transformer);
        AgentRuntime.start(options, instrumentation, transformer, report, attached, retransformed,
                BootstrapInjector.twinsFailure, faults.sampler());
        StringBuilder started = new StringBuilder("started");
        for (Map.Entry<String, String> option : options.inForce().entrySet()) {
            started.append(' ').append(option.getKey()).append('=').append(option.getValue());
        }
        verdict(started.append(" retransformed=").append(retransformed).toString());
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

    private static void closeQuietly(ReportFile report) {
        if (report != null) {
            report.close();
        }
    }
}
