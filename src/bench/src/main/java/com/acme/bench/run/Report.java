package com.acme.bench.run;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The whole Markdown report: the run's conditions, then the time, startup and memory tables. */
final class Report {

    private final RunSettings settings;
    private final Path agentJar;
    private final String command;
    private final String loadBefore;
    private final TimeTable time = new TimeTable();
    private final ShotTable shots;
    private final MemoryTable memory = new MemoryTable();

    Report(RunSettings settings, Path agentJar, String command, String loadBefore) {
        this.settings = settings;
        this.loadBefore = loadBefore;
        this.agentJar = agentJar;
        this.command = command;
        this.shots = new ShotTable(settings.classes());
    }

    /** Adds a timed benchmark's results. */
    void time(BenchSpec spec, Map<AgentConfig, Measurement> results) {
        time.add(spec, results);
    }

    /** Adds a single-shot benchmark's results. */
    void shot(BenchSpec spec, Map<AgentConfig, Measurement> results) {
        shots.add(spec, results);
    }

    /** Adds a memory scenario's results. */
    void memory(MemoryScenario scenario, Map<AgentConfig, Map<String, Long>> results) {
        memory.add(scenario, results);
    }

    /**
     * The report in Markdown; {@code loadAfter} is the load average at the end of the run and
     * {@code waitedSeconds} the time spent waiting for other processes to leave the CPUs alone, and
     * {@code retries} the runs repeated because others took the CPUs.
     */
    String render(String loadAfter, int waitedSeconds, int retries) {
        StringBuilder sb = new StringBuilder();
        sb.append("## growthwatch overhead").append(settings.quick() ? " (quick smoke run: not for the README)" : "").append("\n\n");
        for (String line : conditions(loadAfter, waitedSeconds, retries)) {
            sb.append("- ").append(line).append('\n');
        }
        sb.append("\n### Time per operation (JMH average time, median of iterations ± 99.9% CI)\n\n");
        sb.append(time.render());
        sb.append("\n### Startup (single shots, median ± 99.9% CI)\n\n");
        sb.append(shots.render());
        sb.append("\n### Agent heap (used heap after full GC, minus the same run without agent; one run each)\n\n");
        sb.append(memory.render());
        return sb.toString();
    }

    private List<String> conditions(String loadAfter, int waitedSeconds, int retries) {
        return List.of(
                "date " + LocalDate.now() + "; JDK " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                        + "; " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                        + Runtime.getRuntime().availableProcessors() + " CPUs; load average (1, 5, 15 min) "
                        + loadBefore + " at start, " + loadAfter + " at end",
                "command: `" + command + "`",
                settings.describe() + "; forks: -Xms1g -Xmx1g, default GC",
                "no agent: no `-javaagent`; no match: `-javaagent:" + agentJar.getFileName() + "=" + AgentConfig.NOMATCH.options(RunSettings.INTERVAL)
                        + "`; tracking: `-javaagent:" + agentJar.getFileName() + "=" + AgentConfig.TRACKING.options(RunSettings.INTERVAL) + "`",
                "others' CPU: share of both CPUs used by processes other than this run during the no agent/no match/tracking runs"
                        + " (each run first waits for less than 15%: " + waitedSeconds + " s waited in all; a run above 25% is run again"
                        + " and the quieter kept: " + retries + " runs repeated); rows with a high share are noise",
                "`tracked` rows run code of `com.acme.bench.tracked`; `outside` rows run a generated copy of the same code in `com.acme.bench.outside`, which no configuration chooses (in the tracking run the agent is set to `com.acme.bench.tracked`, so it is attached and transforming but finds nothing of that row to instrument)",
                "memory probes: separate JVMs, -Xmx512m -XX:+UseSerialGC, agent interval " + RunSettings.MEMORY_INTERVAL
                        + " (no purge during the probe: the worst case); per table entry = agent heap / entries in the agent's instance table");
    }
}
