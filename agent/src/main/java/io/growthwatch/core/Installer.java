package io.growthwatch.core;

import io.growthwatch.core.config.AgentOptions;
import io.growthwatch.core.config.OptionException;
import io.growthwatch.core.config.OptionsParser;
import io.growthwatch.core.report.JsonLinesReporter;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;

/**
 * Installs the agent: parses the options, opens the report, puts the hooks in the bootstrap loader,
 * then hands over to {@link Activation}. On bad input it prints one line naming the option and what
 * was expected, and leaves the application untouched. References no bootstrap class itself, since
 * those exist only once injected.
 */
public final class Installer {

    /** Prefix of the lines printed before the agent's logging exists. */
    static final String ERROR = "[growthwatch] ERROR ";

    /** System property set while the agent runs (to the chosen packages); {@code attach} reads it to refuse a second agent. */
    public static final String ACTIVE_PROPERTY = "growthwatch-agent.active";

    private Installer() {
    }

    /**
     * Called by the launcher from {@code premain} or {@code agentmain}. Validates everything before it
     * changes anything in the JVM.
     *
     * @param agentJar the agent jar, or null when running from class folders
     */
    public static void install(String args, Instrumentation instrumentation, boolean attached, File agentJar) {
        AgentOptions options;
        JsonLinesReporter report = null;
        try {
            options = OptionsParser.parse(args);
            if (options.report() != null) {
                report = JsonLinesReporter.open(options.report());
            }
        } catch (OptionException e) {
            System.err.println(ERROR + e.getMessage() + "; growthwatch is disabled, the application continues");
            return;
        } catch (IOException e) {
            System.err.println(ERROR + "option 'report': cannot open the file (" + e.getMessage()
                    + "); growthwatch is disabled, the application continues");
            return;
        }
        try {
            BootstrapInjector.inject(instrumentation, agentJar);
        } catch (IOException | RuntimeException e) {
            System.err.println(ERROR + "cannot make the hooks visible to the application (" + e
                    + "); growthwatch is disabled, the application continues");
            return;
        }
        Activation.activate(options, report, instrumentation, attached);
    }
}
