package io.growthwatch.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;

/**
 * Entry point named by the agent jar's manifest. Does as little as possible: starts the agent's
 * internals in their own class loader, which validate the options and then make the hooks visible
 * to every class loader.
 */
public final class GrowthwatchAgent {

    private static final String INSTALLER = "io.growthwatch.core.Installer";

    private GrowthwatchAgent() {
    }

    /** Called by the JVM for {@code -javaagent:growthwatch-agent.jar=OPTIONS}. */
    public static void premain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, false);
    }

    /** Called by the JVM when the agent is loaded into a running JVM. */
    public static void agentmain(String options, Instrumentation instrumentation) {
        start(options, instrumentation, true);
    }

    /** Command line of the agent jar: {@code java -jar growthwatch-agent.jar COMMAND ...}. */
    public static void main(String[] args) throws Exception {
        File jar = agentJar();
        ClassLoader loader = jar == null ? GrowthwatchAgent.class.getClassLoader() : new InternalClassLoader(jar);
        try {
            int status = (int) loader.loadClass("io.growthwatch.core.cli.Cli")
                    .getMethod("run", String[].class, File.class)
                    .invoke(null, args, jar);
            System.exit(status);
        } catch (InvocationTargetException e) {
            throw (Exception) (e.getCause() instanceof Exception ? e.getCause() : e);
        }
    }

    private static void start(String options, Instrumentation instrumentation, boolean attached) {
        try {
            File jar = agentJar();
            ClassLoader loader = jar != null ? new InternalClassLoader(jar)
                    : GrowthwatchAgent.class.getClassLoader(); // running from class folders, as in tests
            // the installer's entry point has the shape of premain's, which the JVM has just called
            // reflectively: on Java 18 and later a reflective call of a new shape first spins
            // method-handle classes (measured: about 10 ms of a trivial main on Java 25)
            loader.loadClass(INSTALLER)
                    .getMethod(attached ? "agentmain" : "premain", String.class, Instrumentation.class)
                    .invoke(null, options, instrumentation);
        } catch (Throwable t) {
            Throwable cause = t instanceof InvocationTargetException ? t.getCause() : t;
            System.err.println("[growthwatch] ERROR could not start (" + cause
                    + "); the application continues without growthwatch");
        }
    }

    /** The jar this class was loaded from, or null when it was not loaded from a jar. */
    static File agentJar() {
        try {
            File source = new File(GrowthwatchAgent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return source.isFile() ? source : null;
        } catch (Exception e) {
            return null;
        }
    }
}
