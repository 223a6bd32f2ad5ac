package com.acme.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Shields a run from rebuilds: copies the benchmarks jar and the agent jar to a temporary folder and
 * runs the whole benchmark from those copies in a child JVM, so that a {@code mvn package} or
 * {@code clean} during the run changes nothing in it. The JMH logs and a copy of the results stay in that folder.
 */
final class Snapshot {

    /** System property naming the snapshot folder; set in the child run. */
    static final String PROPERTY = "gwbench.snapshot";

    /** System property naming where the child writes the results file. */
    static final String RESULTS = "gwbench.results";

    static final String AGENT_FILE = "growthwatch-agent.jar";
    static final String BENCHMARKS_FILE = "benchmarks.jar";

    private Snapshot() {
    }

    /** The snapshot folder of this run, or null when this JVM runs from the original jar. */
    static Path current() {
        String folder = System.getProperty(PROPERTY);
        return folder == null ? null : Path.of(folder);
    }

    /**
     * Copies the jars, runs {@code args} from the copies with standard streams inherited, then deletes the
     * copies (the logs and results stay); returns the exit status.
     */
    static int relaunch(Path benchmarksJar, Path agentJar, Path results, String[] args) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("growthwatch-bench-");
        Path jar = Files.copy(benchmarksJar, folder.resolve(BENCHMARKS_FILE), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(agentJar, folder.resolve(AGENT_FILE), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-D" + PROPERTY + "=" + folder);
        command.add("-D" + RESULTS + "=" + results);
        command.add("-cp");
        command.add(jar.toString());
        command.add(BenchMain.class.getName());
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).inheritIO().start().waitFor();
        } finally {
            Files.deleteIfExists(jar);
            Files.deleteIfExists(folder.resolve(AGENT_FILE));
        }
    }
}
