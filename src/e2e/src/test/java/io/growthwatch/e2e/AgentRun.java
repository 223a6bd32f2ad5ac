package io.growthwatch.e2e;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One forked JVM running a program, optionally with the real agent jar attached. */
final class AgentRun {

    static final Path AGENT_JAR = Path.of(System.getProperty("growthwatch.agent.jar", "../../agent/target/growthwatch-agent.jar"));
    static final Path SCENARIO_CLASSES = Path.of(System.getProperty("growthwatch.scenario.classes", "target/test-classes"));
    static final Path SCENARIO_SOURCES = Path.of("src/test/java");

    final int exitCode;
    final String stdout;
    final String stderr;
    final Instant started;
    final Path report;

    private AgentRun(int exitCode, String stdout, String stderr, Instant started, Path report) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.started = started;
        this.report = report;
    }

    /** Runs {@code mainClass} from the scenario classes with {@code agentOptions} (null: no agent). */
    static AgentRun run(String agentOptions, List<String> jvmArgs, String mainClass, String... args)
            throws IOException, InterruptedException {
        return run(agentOptions, jvmArgs, List.of("-cp", SCENARIO_CLASSES.toString(), mainClass), args);
    }

    /** Runs a java command line made of {@code jvmArgs}, the agent, {@code launch} and {@code args}. */
    static AgentRun run(String agentOptions, List<String> jvmArgs, List<String> launch, String... args)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("growthwatch-e2e");
        Path report = dir.resolve("growth.jsonl");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        if (agentOptions != null) {
            command.add("-javaagent:" + AGENT_JAR.toAbsolutePath() + "=" + agentOptions.replace("$REPORT", report.toString()));
        }
        command.addAll(launch);
        command.addAll(List.of(args));
        File out = dir.resolve("stdout.txt").toFile();
        File err = dir.resolve("stderr.txt").toFile();
        Instant started = Instant.now();
        Process process = new ProcessBuilder(command).redirectOutput(out).redirectError(err).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new AgentRun(process.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
                Files.readString(err.toPath(), StandardCharsets.UTF_8), started, report);
    }

    /** The JSON events of the report file, in order; empty when there is no file. */
    List<JsonObject> events() throws IOException {
        List<JsonObject> events = new ArrayList<>();
        if (!Files.exists(report)) {
            return events;
        }
        for (String line : Files.readAllLines(report, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                events.add(JsonParser.parseString(line).getAsJsonObject());
            }
        }
        return events;
    }

    /** The events named {@code event}. */
    List<JsonObject> events(String event) throws IOException {
        return events().stream().filter(e -> e.get("event").getAsString().equals(event)).toList();
    }

    /** How long after the JVM was started the event was written. */
    Duration after(JsonObject event) {
        return Duration.between(started, Instant.parse(event.get("timestamp").getAsString()));
    }

    /** The stack-trace form of the line in a scenario's source that contains {@code text}. */
    static String siteOf(String className, String method, String text) throws IOException {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        Path source = SCENARIO_SOURCES.resolve(className.replace('.', '/') + ".java");
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return className + "." + method + "(" + simple + ".java:" + (i + 1) + ")";
            }
        }
        throw new AssertionError(text + " not found in " + source);
    }

    @Override
    public String toString() {
        return "exit=" + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
    }
}
