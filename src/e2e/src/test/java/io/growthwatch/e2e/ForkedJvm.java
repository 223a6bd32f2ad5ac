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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One forked JVM for the end-to-end tests: any JDK, any class path or {@code -jar}, any working
 * directory, with or without the real agent jar; run to completion or started and stopped later.
 * Its result: exit code, standard output and error, and the agent's JSON report.
 */
public final class ForkedJvm {

    public static final Path AGENT_JAR = Path.of(System.getProperty("growthwatch.agent.jar", "../../agent/target/growthwatch-agent.jar"));
    public static final Path TEST_CLASSES = Path.of(System.getProperty("growthwatch.scenario.classes", "target/test-classes"));
    /** Jars the build copied for the forked programs, one folder per set (see src/e2e/pom.xml). */
    public static final Path LIBS = Path.of(System.getProperty("growthwatch.compat.libs", "target/compat-libs"));
    public static final Path SOURCES = Path.of("src/test/java");

    public final int exitCode;
    public final String stdout;
    public final String stderr;
    public final Path report;
    public final Instant started;
    public final Duration elapsed;
    public final List<String> command;

    private ForkedJvm(int exitCode, String stdout, String stderr, Path report, Instant started, Duration elapsed,
                      List<String> command) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.report = report;
        this.started = started;
        this.elapsed = elapsed;
        this.command = command;
    }

    /** A java command line to describe, on this test's JDK unless told otherwise. */
    public static Builder java() {
        return new Builder();
    }

    /** Runs {@code mainClass} from the test classes with {@code agentOptions} (null: no agent) and {@code jvmArgs}. */
    public static ForkedJvm run(String agentOptions, List<String> jvmArgs, String mainClass, String... args)
            throws IOException, InterruptedException {
        return java().agent(agentOptions).jvmArgs(jvmArgs.toArray(String[]::new)).classpath(TEST_CLASSES)
                .main(mainClass, args).run();
    }

    /** Runs {@code launch} ({@code -jar x.jar}, or a main class) with {@code agentOptions} and {@code jvmArgs}. */
    public static ForkedJvm run(String agentOptions, List<String> jvmArgs, List<String> launch, String... args)
            throws IOException, InterruptedException {
        Builder builder = java().agent(agentOptions).jvmArgs(jvmArgs.toArray(String[]::new));
        if (launch.size() == 2 && launch.get(0).equals("-jar")) {
            builder.jar(Path.of(launch.get(1)), args);
        } else {
            builder.classpath(TEST_CLASSES).main(launch.get(launch.size() - 1), args);
        }
        return builder.run();
    }

    /** Describes the java command line to run. */
    public static final class Builder {
        private Path javaHome = Path.of(System.getProperty("java.home"));
        private final List<String> jvmArgs = new ArrayList<>();
        private String agentOptions;
        private final List<Path> classpath = new ArrayList<>();
        private final List<String> launch = new ArrayList<>();
        private final List<String> args = new ArrayList<>();
        private Path workDir;
        private Duration timeout = Duration.ofMinutes(3);

        public Builder jdk(Path home) {
            this.javaHome = home;
            return this;
        }

        public Builder jvmArgs(String... more) {
            jvmArgs.addAll(Arrays.asList(more));
            return this;
        }

        /** Attaches the agent with {@code options}; {@code $REPORT} stands for the run's report file. */
        public Builder agent(String options) {
            this.agentOptions = options;
            return this;
        }

        public Builder classpath(Path... entries) {
            classpath.addAll(Arrays.asList(entries));
            return this;
        }

        /** Every jar of {@code LIBS/set}, in name order. */
        public Builder libs(String set) throws IOException {
            Path dir = LIBS.resolve(set);
            assertThat(dir).as("jars copied by the build (mvn test-compile) into " + dir.toAbsolutePath()).isDirectory();
            try (var jars = Files.list(dir)) {
                jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(classpath::add);
            }
            return this;
        }

        public Builder main(String mainClass, String... programArgs) {
            launch.clear();
            launch.add(mainClass);
            args.addAll(Arrays.asList(programArgs));
            return this;
        }

        public Builder jar(Path jar, String... programArgs) {
            launch.clear();
            launch.add("-jar");
            launch.add(jar.toAbsolutePath().toString());
            args.addAll(Arrays.asList(programArgs));
            return this;
        }

        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        public Builder timeout(Duration limit) {
            this.timeout = limit;
            return this;
        }

        /** Runs the program to its end; fails the test if it outlives the timeout. */
        public ForkedJvm run() throws IOException, InterruptedException {
            return start().await(timeout);
        }

        /** Starts the program and returns at once. */
        public Running start() throws IOException {
            Path dir = Files.createTempDirectory("growthwatch-compat");
            Path report = dir.resolve("growth.jsonl");
            List<String> command = new ArrayList<>();
            command.add(javaHome.resolve("bin").resolve("java").toString());
            command.addAll(jvmArgs);
            if (agentOptions != null) {
                command.add("-javaagent:" + AGENT_JAR.toAbsolutePath() + "="
                        + agentOptions.replace("$REPORT", report.toString()));
            }
            if (!classpath.isEmpty()) {
                command.add("-cp");
                command.add(classpath.stream().map(p -> p.toAbsolutePath().toString())
                        .collect(Collectors.joining(File.pathSeparator)));
            }
            command.addAll(launch);
            command.addAll(args);
            Path out = dir.resolve("stdout.txt");
            Path err = dir.resolve("stderr.txt");
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            return new Running(builder.start(), out, err, report, Instant.now(), command);
        }
    }

    /** A program that was started and not yet waited for. */
    public static final class Running {
        private final Process process;
        private final Path out;
        private final Path err;
        private final Path report;
        private final Instant started;
        private final List<String> command;

        Running(Process process, Path out, Path err, Path report, Instant started, List<String> command) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.report = report;
            this.started = started;
            this.command = command;
        }

        /** Waits until standard output has a line matching {@code pattern}; fails after {@code limit}. */
        public String awaitStdout(Pattern pattern, Duration limit) throws IOException, InterruptedException {
            return await(out, "stdout", pattern, limit);
        }

        /** Waits until standard error has a line matching {@code pattern}; fails after {@code limit}. */
        public String awaitStderr(Pattern pattern, Duration limit) throws IOException, InterruptedException {
            return await(err, "stderr", pattern, limit);
        }

        /** The process id of the program. */
        public long pid() {
            return process.pid();
        }

        private String await(Path file, String name, Pattern pattern, Duration limit) throws IOException, InterruptedException {
            long end = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < end) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (pattern.matcher(line).find()) {
                        return line;
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
            throw new AssertionError("no line matching " + pattern + " on " + name + " within " + limit + "\n" + finish());
        }

        /** The report file's text so far, empty when it does not exist yet. */
        public String reportText() throws IOException {
            return Files.exists(report) ? Files.readString(report, StandardCharsets.UTF_8) : "";
        }

        /** Asks the JVM to exit (SIGTERM: shutdown hooks run) and waits for it. */
        public ForkedJvm stop() throws IOException, InterruptedException {
            process.destroy();
            return await(Duration.ofSeconds(30));
        }

        /** Waits for the program to end on its own. */
        public ForkedJvm await(Duration limit) throws IOException, InterruptedException {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("did not finish within " + limit + " (deadlock or hang?): " + command
                        + "\n" + finish());
            }
            return finish();
        }

        private ForkedJvm finish() throws IOException {
            return new ForkedJvm(process.isAlive() ? -1 : process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8),
                    report, started, Duration.between(started, Instant.now()), command);
        }
    }

    /** The JSON events of the report file, in order; empty when there is no file. */
    public List<JsonObject> events() throws IOException {
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
    public List<JsonObject> events(String event) throws IOException {
        return events().stream().filter(e -> e.get("event").getAsString().equals(event)).toList();
    }

    /** How long after the JVM was started the event was written. */
    public Duration after(JsonObject event) {
        return Duration.between(started, Instant.parse(event.get("timestamp").getAsString()));
    }

    /** The sites of the last {@code summary} event, as JSON objects; fails if there is none. */
    public List<JsonObject> lastSummarySites() throws IOException {
        List<JsonObject> summaries = events("summary");
        assertThat(summaries).as("summary events in the report\n" + this).isNotEmpty();
        List<JsonObject> sites = new ArrayList<>();
        summaries.get(summaries.size() - 1).getAsJsonArray("sites").forEach(e -> sites.add(e.getAsJsonObject()));
        return sites;
    }

    /** The row of the last {@code summary} event for the first site whose name starts with {@code sitePrefix}; fails if there is none. */
    public JsonObject lastSummaryOf(String sitePrefix) throws IOException {
        return lastSummarySites().stream()
                .filter(site -> site.get("site").getAsString().startsWith(sitePrefix))
                .findFirst().orElseThrow(() -> new AssertionError("no site starting with " + sitePrefix + " in the last summary\n" + this));
    }

    /** Standard error without the agent's own lines (its tagged lines and the summary table below them). */
    public String stderrWithoutAgentLines() {
        return withoutAgentLines(stderr);
    }

    public static String withoutAgentLines(String text) {
        StringBuilder kept = new StringBuilder();
        boolean inAgentBlock = false;
        for (String line : text.lines().toList()) {
            if (line.contains("[growthwatch]")) {
                inAgentBlock = true;
                continue;
            }
            if (inAgentBlock && line.startsWith("  ")) {
                continue; // a row of the agent's summary table
            }
            inAgentBlock = false;
            kept.append(line).append('\n');
        }
        return kept.toString();
    }

    /** The stack-trace form of the first line of {@code source} that contains {@code text}. */
    public static String siteIn(Path source, String className, String method, String text) throws IOException {
        List<String> lines = Files.readAllLines(source);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return className + "." + method + "(" + source.getFileName() + ":" + (i + 1) + ")";
            }
        }
        throw new AssertionError(text + " not found in " + source);
    }

    /** {@link #siteIn} for a top-level class whose source is under src/test/java. */
    public static String siteOf(String className, String method, String text) throws IOException {
        return siteIn(SOURCES.resolve(className.replace('.', '/') + ".java"), className, method, text);
    }

    @Override
    public String toString() {
        return "exit=" + exitCode + " after " + elapsed.toMillis() + " ms\n--- command\n" + String.join(" ", command)
                + "\n--- stdout\n" + tail(stdout) + "\n--- stderr\n" + tail(stderr);
    }

    private static String tail(String text) {
        return text.length() <= 20_000 ? text : "[...]\n" + text.substring(text.length() - 20_000);
    }
}
