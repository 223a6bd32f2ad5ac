package com.acme.bench.run;

import java.nio.file.Path;

/** The three ways every benchmark runs: without the agent, with it choosing nothing, with it tracking. */
public enum AgentConfig {

    /** No {@code -javaagent} at all. */
    NONE("no agent", null),

    /** The agent attached, its packages matching no class. */
    NOMATCH("agent, no match", "org.nomatch"),

    /** The agent attached, instrumenting the benchmarks' tracked package. */
    TRACKING("agent, tracking", "com.acme.bench.tracked:com.acme.demo");

    private final String label;
    private final String packages;

    AgentConfig(String label, String packages) {
        this.label = label;
        this.packages = packages;
    }

    /** Short name for tables. */
    public String label() {
        return label;
    }

    /** The agent's {@code packages} option, or null for {@link #NONE}. */
    public String packages() {
        return packages;
    }

    /** The {@code -javaagent:JAR=OPTIONS} argument with sampling {@code interval}, or null for {@link #NONE}. */
    public String javaagent(Path agentJar, String interval) {
        if (packages == null) {
            return null;
        }
        return "-javaagent:" + agentJar.toAbsolutePath() + "=" + options(interval);
    }

    /** The agent options, e.g. {@code packages=com.acme.bench.tracked,interval=10s}; null for {@link #NONE}. */
    public String options(String interval) {
        return packages == null ? null : "packages=" + packages + ",interval=" + interval;
    }
}
