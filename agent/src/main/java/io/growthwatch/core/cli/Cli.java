package io.growthwatch.core.cli;

import net.bytebuddy.agent.ByteBuddyAgent;

import java.io.File;
import java.io.PrintStream;

/** The agent jar's command line: {@code java -jar growthwatch-agent.jar attach PID [OPTIONS]}. */
public final class Cli {

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar growthwatch-agent.jar attach <pid> <options>",
            "  attach  load growthwatch into the running JVM <pid> with the same options as -javaagent,",
            "          e.g. attach 4242 packages=com.acme,interval=10s");

    private Cli() {
    }

    /** Runs the command in {@code args} and returns the process exit status. */
    public static int run(String[] args, File agentJar) {
        return run(args, agentJar, System.out, System.err);
    }

    static int run(String[] args, File agentJar, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals("attach")) {
            if (args.length != 3) {
                err.println("growthwatch: attach needs a process id and options, e.g. attach 4242 packages=com.acme");
                return 2;
            }
            if (agentJar == null) {
                err.println("growthwatch: attach must be run from the agent jar (java -jar growthwatch-agent.jar ...)");
                return 2;
            }
            try {
                ByteBuddyAgent.attach(agentJar, args[1], args[2]);
                out.println("growthwatch: attached to " + args[1] + "; its own standard error shows the agent's log");
                return 0;
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null) {
                    root = root.getCause();
                }
                err.println("growthwatch: cannot attach to " + args[1] + ": " + root.getMessage());
                return 1;
            }
        }
        err.println("growthwatch: unknown command '" + args[0] + "'");
        err.println(USAGE);
        return 2;
    }
}
