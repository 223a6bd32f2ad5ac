package com.acme.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the memory probe in a child JVM per {@link AgentConfig} (serial collector, fixed 512 MiB heap,
 * so used-heap readings after full collections are exact) and reads its {@code RESULT} line.
 */
final class MemorySuite {

    private static final List<String> PROBE_JVM = List.of("-Xms512m", "-Xmx512m", "-XX:+UseSerialGC");
    private static final String PROBE = "com.acme.bench.memory.MemoryProbe";

    private final Path agentJar;
    private final Path logs;
    private final Progress progress;

    MemorySuite(Path agentJar, Path logs, Progress progress) {
        this.agentJar = agentJar;
        this.logs = logs;
        this.progress = progress;
    }

    /** Runs {@code scenario} in every configuration; a failed configuration is left out. */
    Map<AgentConfig, Map<String, Long>> run(MemoryScenario scenario) {
        Map<AgentConfig, Map<String, Long>> results = new EnumMap<>(AgentConfig.class);
        for (AgentConfig config : AgentConfig.values()) {
            String what = scenario.id() + " · " + config.label();
            Path log = logs.resolve(scenario.id() + "-" + config.name().toLowerCase() + ".log");
            try {
                Map<String, Long> values = probe(config, scenario.args(), log);
                results.put(config, values);
                progress.step(what, values.toString());
            } catch (IOException | RuntimeException e) {
                progress.step(what, "FAILED (" + e.getMessage() + "; see " + log + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return results;
            }
        }
        return results;
    }

    private Map<String, Long> probe(AgentConfig config, List<String> args, Path log) throws IOException, InterruptedException {
        List<String> command = ChildJvm.command(config.javaagent(agentJar, RunSettings.MEMORY_INTERVAL), PROBE_JVM, PROBE, args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException("probe exited with " + status);
        }
        Map<String, Long> values = parse(Files.readAllLines(log));
        check(config, values);
        return values;
    }

    /** Fails unless the probe saw the agent in the state of {@code config}: absent, idle, or tracking. */
    static void check(AgentConfig config, Map<String, Long> values) {
        long entries = values.getOrDefault("entries", -1L);
        boolean ok = switch (config) {
            case NONE -> entries == -1;
            case NOMATCH -> entries == 0;
            case TRACKING -> entries > 0;
        };
        if (!ok) {
            throw new IllegalStateException("agent not in the expected state " + config + ": table entries " + entries);
        }
    }

    /** The {@code key=value} pairs of the last {@code RESULT} line. */
    static Map<String, Long> parse(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.startsWith("RESULT ")) {
                Map<String, Long> values = new HashMap<>();
                for (String pair : line.substring("RESULT ".length()).trim().split("\\s+")) {
                    int eq = pair.indexOf('=');
                    values.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
                }
                return values;
            }
        }
        throw new IllegalStateException("probe printed no RESULT line");
    }
}
