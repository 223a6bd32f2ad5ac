package io.growthwatch.e2e;

import com.google.gson.JsonObject;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Operating the agent live: attach to a running JVM, status, JMX, JFR, config file. */
class LiveOperationsTest {

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** Runs {@code java -jar growthwatch-agent.jar ARGS} and returns its exit code and output. */
    private static String[] cli(String... args) throws Exception {
        return cliIn(null, args);
    }

    /** Runs the agent jar's command line in {@code dir} (null: this directory): its exit status and output. */
    private static String[] cliIn(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-jar", ForkedJvm.AGENT_JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return exec(dir, command);
    }

    /** Runs the JDK's {@code jcmd} against {@code pid}: its exit status and output. */
    private static String[] jcmd(String pid, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), pid));
        command.addAll(List.of(args));
        return exec(null, command);
    }

    /** Runs {@code command} in {@code dir} (null: this directory) to its end: its exit status and output. */
    private static String[] exec(Path dir, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {String.valueOf(p.exitValue()), out};
    }

    @Test
    void attachToARunningLeakAdoptsItsMapReportsItAndShowsItInStatus() throws Exception {
        Path dir = Files.createTempDirectory("growthwatch-attach");
        Path report = dir.resolve("growth.jsonl");
        File err = dir.resolve("stderr.txt").toFile();
        Process app = new ProcessBuilder(JAVA, "-cp", ForkedJvm.TEST_CLASSES.toString(), "com.acme.scenarios.SeedTracker", "30")
                .redirectError(err).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        try {
            Thread.sleep(3000);
            String pid = String.valueOf(app.pid());
            String[] attached = cli("attach", pid, "packages=com.acme.scenarios,interval=500ms,report=" + report);
            assertThat(attached[0]).as(attached[1]).isEqualTo("0");
            assertThat(attached[1]).contains("started in " + pid + ": packages=com.acme.scenarios")
                    .contains("interval=500ms").contains("report=" + report);
            String[] again = cli("attach", pid, "packages=com.acme.scenarios");
            assertThat(again[0]).isEqualTo("1");
            assertThat(again[1]).contains("already running in " + pid);

            Thread.sleep(15_000);
            String[] status = cli("status", pid);
            assertThat(status[0]).as(status[1]).isEqualTo("0");
            String seen = ForkedJvm.siteOf("com.acme.scenarios.SeedTracker", "seen", "sessions.put(key, s)");
            assertThat(status[1]).contains("leak-suspect").contains(seen).contains("field=com.acme.scenarios.SeedTracker.sessions")
                    .contains("unreadFields: com.acme.scenarios.SeedTracker$Session.lastSeen (long, written in SeedTracker.seen")
                    .contains("remedy: expire entries by SeedTracker$Session.lastSeen");
        } finally {
            app.destroy();
            app.waitFor(10, TimeUnit.SECONDS);
        }
        List<JsonObject> suspects = new ArrayList<>();
        for (String line : Files.readAllLines(report)) {
            JsonObject e = com.google.gson.JsonParser.parseString(line).getAsJsonObject();
            if (e.get("event").getAsString().equals("leak-suspect")) {
                suspects.add(e);
            }
        }
        assertThat(suspects).isNotEmpty();
        JsonObject alert = suspects.get(0);
        assertThat(alert.get("site").getAsString())
                .isEqualTo(ForkedJvm.siteOf("com.acme.scenarios.SeedTracker", "seen", "sessions.put(key, s)"));
        assertThat(alert.get("allocatedBeforeAttach").getAsBoolean()).isTrue();
        assertThat(alert.get("field").getAsString()).isEqualTo("com.acme.scenarios.SeedTracker.sessions");
        assertThat(Files.readString(err.toPath())).contains("attached=\"true\"");
    }

    @Test
    void statusOfAJvmWithoutTheAgentSaysSo() throws Exception {
        Process app = new ProcessBuilder(JAVA, "-cp", ForkedJvm.TEST_CLASSES.toString(), "com.acme.scenarios.SeedTracker", "15")
                .redirectErrorStream(true).start();
        try {
            Thread.sleep(1500);
            String[] status = cli("status", String.valueOf(app.pid()));
            assertThat(status[0]).isEqualTo("1");
            assertThat(status[1].strip()).isEqualTo("growthwatch: not running in " + app.pid());
        } finally {
            app.destroy();
            app.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts the seed tracker with {@code jvmArgs}, runs {@code test} with its pid, and stops it. */
    private static void withRunningApp(List<String> jvmArgs, Path dir, CheckedConsumer<String> test) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA));
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", ForkedJvm.TEST_CLASSES.toAbsolutePath().toString(), "com.acme.scenarios.SeedTracker", "30"));
        Process app = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        try {
            Thread.sleep(2000);
            test.accept(String.valueOf(app.pid()));
        } finally {
            app.destroy();
            app.waitFor(10, TimeUnit.SECONDS);
        }
    }

    interface CheckedConsumer<T> {
        void accept(T value) throws Exception;
    }

    @Test
    void attachWithABadOptionSaysSoInOneLineAndLeavesTheTargetAlone() throws Exception {
        Path dir = Files.createTempDirectory("growthwatch-attach-bad");
        withRunningApp(List.of(), dir, pid -> {
            String[] result = cli("attach", pid, "packages=com.acme.scenarios,interval=10x");
            assertThat(result[0]).isEqualTo("2");
            assertThat(result[1].strip().lines()).hasSize(1).first().asString()
                    .contains("option 'interval'").contains("'10x'").contains("not attached to " + pid);
            assertThat(cli("status", pid)[1].strip()).isEqualTo("growthwatch: not running in " + pid);
        });
    }

    @Test
    void attachThatTheTargetRefusesReportsTheTargetsReasonAndFails() throws Exception {
        Path dir = Files.createTempDirectory("growthwatch-attach-refused");
        // valid here, but the target's own -Dgrowthwatch.window overrides it with a bad value
        withRunningApp(List.of("-Dgrowthwatch.window=abc"), dir, pid -> {
            String[] result = cli("attach", pid, "packages=com.acme.scenarios");
            assertThat(result[0]).as(result[1]).isEqualTo("1");
            assertThat(result[1].strip()).startsWith("growthwatch: not started in " + pid + ": option 'window'");
        });
    }

    @Test
    void aRelativeReportPathGivenToAttachLandsInTheCallersDirectory() throws Exception {
        Path target = Files.createTempDirectory("growthwatch-attach-target");
        Path caller = Files.createTempDirectory("growthwatch-attach-caller");
        withRunningApp(List.of(), target, pid -> {
            String[] result = cliIn(caller, "attach", pid, "packages=com.acme.scenarios,interval=500ms,report=growth.jsonl");
            assertThat(result[0]).as(result[1]).isEqualTo("0");
            assertThat(result[1]).contains("report=" + caller.resolve("growth.jsonl"));
            assertThat(caller.resolve("growth.jsonl")).exists();
            assertThat(target.resolve("growth.jsonl")).doesNotExist();
        });
    }

    @Test
    void helpListsEveryWayToStartItAndEveryOptionWithItsDefault() throws Exception {
        String[] help = cli("--help");
        assertThat(help[0]).isEqualTo("0");
        assertThat(help[1]).contains("-javaagent:growthwatch-agent.jar=<options>").contains("attach <pid> <options>")
                .contains("status <pid>").contains("report <growth.jsonl> [-o <growth.html>]");
        assertThat(help[1].lines().filter(l -> l.matches("  \\w+ +\\S+ +.*")).map(l -> l.trim().split(" +")[0]).toList())
                .containsExactly("packages", "exclude", "interval", "window", "minGrowth", "report", "summary", "oversizedMin",
                        "minGrowthBytes", "metrics", "metricsTopSites", "config");
        assertThat(help[1]).containsPattern("interval +10s").containsPattern("window +20").containsPattern("summary +10m");
        assertThat(cli()[0]).isEqualTo("2");
    }

    @Test
    void attachToAMissingProcessGivesTheReasonInOneLine() throws Exception {
        String[] result = cli("attach", "999999999", "packages=com.acme");
        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1].strip().lines()).hasSize(1).first().asString().startsWith("growthwatch: cannot attach to 999999999: ");
    }

    @Test
    void theAgentMakesNoMBeanServerAndRegistersItsBeanSoonAfterTheApplicationMakesOne() throws Exception {
        ForkedJvm run = ForkedJvm.run("packages=com.acme.scenarios,interval=10s", List.of(),
                "com.acme.scenarios.LateMBeanServer");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).as(run.toString()).contains("MBean servers before=0").contains("bean registered=true");
        Matcher after = Pattern.compile("after=(\\d+)ms").matcher(run.stdout);
        assertThat(after.find()).isTrue();
        assertThat(Long.parseLong(after.group(1))).as("the agent polls every 500 ms, not once an interval (10 s)")
                .isLessThan(2000);
    }

    @Test
    void mbeanExposesSitesAndAThresholdChangedOverJmxTakesEffect() throws Exception {
        ForkedJvm run = ForkedJvm.run("packages=com.acme.scenarios,interval=500ms,report=$REPORT", List.of(),
                "com.acme.scenarios.MBeanClient", "10");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).contains("window=20").contains("window after set=6");
        assertThat(run.stderr).contains("thresholds changed window=\"6\"");
        String site = ForkedJvm.siteOf("com.acme.scenarios.MBeanClient", "<clinit>", "LEAK = new HashMap<>()");
        assertThat(run.stdout).contains("site " + site + " status=leak-suspect field=com.acme.scenarios.MBeanClient.LEAK");
        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).isNotEmpty();
        assertThat(suspects.get(0).getAsJsonArray("trend")).hasSize(6);
    }

    @Test
    void flightRecordingContainsTheLeakSuspectEventWithItsSite() throws Exception {
        Path jfr = Files.createTempDirectory("growthwatch-jfr").resolve("leak.jfr");
        ForkedJvm run = ForkedJvm.run("packages=com.acme.scenarios,interval=500ms",
                List.of("-XX:StartFlightRecording=filename=" + jfr + ",settings=default"), "com.acme.scenarios.SeedTracker", "13");

        assertThat(run.exitCode).as(run.toString()).isZero();
        List<RecordedEvent> ours = RecordingFile.readAllEvents(jfr).stream()
                .filter(e -> e.getEventType().getName().startsWith("growthwatch.")).toList();
        String site = ForkedJvm.siteOf("com.acme.scenarios.SeedTracker", "<init>", "sessions = new HashMap<>()");
        assertThat(ours).anySatisfy(e -> {
            assertThat(e.getEventType().getName()).isEqualTo("growthwatch.LeakSuspect");
            assertThat(e.getString("site")).isEqualTo(site);
            assertThat(e.getLong("entries")).isPositive();
            assertThat(e.getString("unreadFields")).startsWith("com.acme.scenarios.SeedTracker$Session.lastSeen (long");
            assertThat(e.getString("keys")).startsWith("String, ");
            assertThat(e.getString("remedy")).startsWith("expire entries by SeedTracker$Session.lastSeen");
        });
        assertThat(ours).anySatisfy(e -> assertThat(e.getEventType().getName()).isEqualTo("growthwatch.SiteSample"));
    }

    @Test
    void recordingStartedLaterWithJcmdContainsTheLeakSuspectEvent() throws Exception {
        Path jfr = Files.createTempDirectory("growthwatch-jfr").resolve("late.jfr");
        ForkedJvm.Running program = ForkedJvm.java().agent("packages=com.acme.scenarios,interval=500ms")
                .classpath(ForkedJvm.TEST_CLASSES).main("com.acme.scenarios.SeedTracker", "60").start();
        program.awaitStderr(Pattern.compile("started packages="), Duration.ofSeconds(60));
        String pid = String.valueOf(program.pid());

        String[] started = jcmd(pid, "JFR.start", "name=late", "settings=default");
        assertThat(started[0]).as(started[1]).isEqualTo("0");
        program.awaitStderr(Pattern.compile("leak-suspect: "), Duration.ofSeconds(60));
        String[] dumped = jcmd(pid, "JFR.dump", "name=late", "filename=" + jfr);
        assertThat(dumped[0]).as(dumped[1]).isEqualTo("0");
        program.stop();

        List<String> ours = RecordingFile.readAllEvents(jfr).stream().map(e -> e.getEventType().getName())
                .filter(name -> name.startsWith("growthwatch.")).toList();
        assertThat(ours).contains("growthwatch.LeakSuspect", "growthwatch.SiteSample");
    }

    @Test
    void agentWithoutARecordingLeavesFlightRecorderUnset() throws Exception {
        ForkedJvm run = ForkedJvm.run("packages=com.acme.scenarios,interval=500ms",
                List.of("-Xlog:class+load=info:stdout"), "com.acme.scenarios.SeedTracker", "13");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stderr).contains("leak-suspect: ");
        // JFR's type library is set up by the first event registration; the agent's start-up ran the
        // JDK's HashMap code some six thousand times doing it, in JVMs that never record
        assertThat(run.stdout).doesNotContain("jdk.jfr.internal.TypeLibrary ");
    }

    @Test
    void badValueInAConfigFileGivesOneErrorLineNamingTheFile() throws Exception {
        Path config = Files.createTempDirectory("growthwatch-config").resolve("growthwatch.properties");
        Files.writeString(config, "packages=com.acme.scenarios\nwindow=many\n");

        ForkedJvm run = ForkedJvm.run("config=" + config, List.of(), "com.acme.scenarios.PerRequestMaps", "0");

        assertThat(run.exitCode).isZero();
        assertThat(run.stderr.lines().toList()).containsExactly("[growthwatch] ERROR option 'window' (in config file " + config
                + "): 'many' is not a number; expected a whole number from 4 to 10000; growthwatch is disabled, the application continues");
    }

    @Test
    void configFileIsReadAndSystemPropertiesOverrideIt() throws Exception {
        Path config = Files.createTempDirectory("growthwatch-config").resolve("growthwatch.properties");
        Files.writeString(config, "packages=com.acme.scenarios\ninterval=2s\nwindow=30\n");

        ForkedJvm.Running program = ForkedJvm.java().agent("config=" + config).jvmArgs("-Dgrowthwatch.window=12")
                .classpath(ForkedJvm.TEST_CLASSES).main("com.acme.scenarios.PerRequestMaps", "60").start();
        // the agent's own thread logs the started line once its logging is up: waited for, since a
        // program that ends first never shows it (CI saw that with a 0 s run)
        program.awaitStderr(Pattern.compile("started packages="), Duration.ofSeconds(60));
        ForkedJvm run = program.stop();

        assertThat(run.stderr).contains("started packages=\"com.acme.scenarios\" exclude=\"none\" interval=\"2s\" window=\"12\"")
                .contains("config=\"" + config.toAbsolutePath() + "\"");
    }
}
