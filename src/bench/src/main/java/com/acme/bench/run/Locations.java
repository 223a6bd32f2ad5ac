package com.acme.bench.run;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the benchmarks jar this runner was started from, the agent jar built next to it, and the results folder. */
final class Locations {

    /** System property naming the agent jar, overriding the default location. */
    static final String AGENT_PROPERTY = "gwbench.agent.jar";

    private Locations() {
    }

    /** The jar (or class folder) this class was loaded from. */
    static Path benchmarksJar() {
        try {
            return Path.of(Locations.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks jar", e);
        }
    }

    /**
     * The agent jar: the snapshot's copy in a {@link Snapshot} run, else {@code explicit} when given, else the system property {@value #AGENT_PROPERTY},
     * else {@code agent/target/growthwatch-agent.jar} of the checkout holding {@code src/bench/target/benchmarks.jar}.
     */
    static Path agentJar(String explicit) {
        Path snapshot = Snapshot.current();
        if (snapshot != null) {
            return snapshot.resolve(Snapshot.AGENT_FILE);
        }
        String named = explicit != null ? explicit : System.getProperty(AGENT_PROPERTY);
        Path jar = named != null
                ? Path.of(named).toAbsolutePath()
                : benchmarksJar().getParent().resolve("../../../agent/target/growthwatch-agent.jar").normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("agent jar not found at " + jar
                    + "; build it with 'mvn -B -q -DskipTests package' or pass -agent PATH");
        }
        return jar;
    }

    /** Folder for the results file: {@code bench-results} next to the original benchmarks jar. */
    static Path resultsFolder() {
        String named = System.getProperty(Snapshot.RESULTS);
        if (named != null) {
            return Path.of(named);
        }
        Path jar = benchmarksJar();
        return Files.isDirectory(jar) ? jar.resolve("bench-results") : jar.getParent().resolve("bench-results");
    }
}
