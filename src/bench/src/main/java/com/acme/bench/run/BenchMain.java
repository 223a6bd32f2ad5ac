package com.acme.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar benchmarks.jar [-quick] [-forks N] [-only REGEX] [-agent PATH] [-list]}: runs every
 * benchmark of issue 5 without the agent, with the agent matching nothing, and with it tracking the
 * benchmark package; then prints the Markdown table of medians and ratios on standard output and
 * writes it to {@code bench-results/overhead.md} next to the jar. Progress goes to standard error.
 * The run itself happens in a child JVM working from copies of both jars (see {@link Snapshot}).
 */
public final class BenchMain {

    private BenchMain() {
    }

    /** Runs the benchmarks selected by {@code args}; exits 2 on bad arguments, 1 when a run failed. */
    public static void main(String[] args) throws IOException {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean list = rest.remove("-list");
        RunSettings settings;
        try {
            settings = RunSettings.parse(rest.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<BenchSpec> timed = Catalog.timed().stream().filter(s -> settings.selects(s.id())).toList();
        List<BenchSpec> shots = Catalog.shots().stream().filter(s -> settings.selects(s.id())).toList();
        List<MemoryScenario> memory = MemoryScenario.all(settings).stream().filter(s -> settings.selects(s.id())).toList();
        if (list) {
            timed.forEach(s -> System.out.println(s.id() + "\t" + s.title() + ", " + s.threads() + " thread(s)"));
            shots.forEach(s -> System.out.println(s.id() + "\t" + s.title()));
            memory.forEach(s -> System.out.println(s.id() + "\t" + String.join(" ", s.args())));
            return;
        }
        Path agentJar = Locations.agentJar(settings.agentJar());
        Path resultsFolder = Locations.resultsFolder();
        Path snapshot = Snapshot.current();
        if (snapshot == null) {
            try {
                System.exit(Snapshot.relaunch(Locations.benchmarksJar(), agentJar, resultsFolder, args));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                System.exit(1);
            }
            return;
        }
        Path logs = Files.createDirectories(snapshot.resolve("logs"));
        Progress progress = new Progress();
        JmhSuite jmh = new JmhSuite(settings, agentJar, logs, progress);
        int runs = timed.stream().mapToInt(jmh::rounds).sum() + shots.size() + memory.size();
        progress.total(runs * AgentConfig.values().length);
        progress.note("agent " + agentJar + " (a copy); JMH logs in " + logs + "; load average " + LoadAverage.read());

        Report report = new Report(settings, agentJar, command(args), LoadAverage.read());
        boolean complete = true;
        for (BenchSpec spec : timed) {
            Map<AgentConfig, Measurement> results = jmh.run(spec);
            complete &= results.size() == AgentConfig.values().length;
            report.time(spec, results);
        }
        for (BenchSpec spec : shots) {
            Map<AgentConfig, Measurement> results = jmh.run(spec);
            complete &= results.size() == AgentConfig.values().length;
            report.shot(spec, results);
        }
        MemorySuite probes = new MemorySuite(agentJar, logs, progress);
        for (MemoryScenario scenario : memory) {
            Map<AgentConfig, Map<String, Long>> results = probes.run(scenario);
            complete &= results.size() == AgentConfig.values().length;
            report.memory(scenario, results);
        }

        String markdown = report.render(LoadAverage.read(), jmh.waitedSeconds(), jmh.retries());
        System.out.println(markdown);
        Files.writeString(snapshot.resolve("overhead.md"), markdown);
        Path file = Files.createDirectories(resultsFolder).resolve("overhead.md");
        Files.writeString(file, markdown);
        progress.note("written to " + file + " and " + snapshot.resolve("overhead.md"));
        if (!complete) {
            System.exit(1);
        }
    }

    private static String command(String[] args) {
        return ("java -jar src/bench/target/benchmarks.jar " + String.join(" ", args)).trim();
    }
}
