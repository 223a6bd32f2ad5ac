package com.acme.bench.run;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child {@code java} processes on this JVM's class path and executable. */
public final class ChildJvm {

    /**
     * System property set on benchmark forks: the {@code -javaagent:...} argument that child processes
     * started by a benchmark get, or empty for none.
     */
    public static final String CHILD_AGENT = "gwbench.childAgent";

    /**
     * System property set on benchmark forks: the {@code AgentConfig} name the fork runs under, so that
     * it can check the agent really is in that state. The bench's properties never start with
     * {@code growthwatch.}: the agent reads those as its own options.
     */
    public static final String EXPECT = "gwbench.expect";

    private ChildJvm() {
    }

    /** The {@code -javaagent} argument for children of this fork, or null when they run without agent. */
    public static String childAgentOfThisFork() {
        String value = System.getProperty(CHILD_AGENT, "");
        return value.isBlank() ? null : value;
    }

    /**
     * The command running {@code mainClass} with {@code args} in a new JVM, with {@code jvmArgs} and,
     * unless null, the agent argument {@code javaagent}.
     */
    public static List<String> command(String javaagent, List<String> jvmArgs, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        if (javaagent != null) {
            command.add(javaagent);
        }
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    private static String absoluteClassPath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            entries.add(Path.of(entry).toAbsolutePath().toString());
        }
        return String.join(File.pathSeparator, entries);
    }
}
