package io.growthwatch.e2e.compat;

import io.growthwatch.e2e.ForkedJvm;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application that logs through SLF4J into its own logback, configured by its own
 * {@code logback.xml}, run once without and once with the agent (at the same time). Subclasses pick
 * the SLF4J and logback versions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AppLoggingTestBase {

    static final String APP = "com.acme.compat.logging.LoggingApp";
    static final String OPTIONS = "packages=com.acme.compat.logging,interval=500ms,report=$REPORT";
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}[.,]\\d{3}");

    ForkedJvm plain;
    ForkedJvm withAgent;

    /** The folder of {@code target/compat-libs} with the application's SLF4J and logback jars. */
    abstract String libs();

    /** The folder of the test resources that holds the application's {@code logback.xml}. */
    abstract String configFolder();

    /** How every log line of the application's own pattern starts. */
    abstract String linePrefix();

    @BeforeAll
    void runWithoutAndWithTheAgent() throws Exception {
        Path config = ForkedJvm.TEST_CLASSES.resolve(configFolder());
        // the leak runs 15 s with the agent (a 20-sample window at 500 ms, plus slack); the lines do not depend on it
        CompletableFuture<ForkedJvm> without = CompletableFuture.supplyAsync(() -> run(null, config, "2"));
        withAgent = run(OPTIONS, config, "15");
        plain = without.join();
        assertThat(plain.exitCode).as(plain.toString()).isZero();
        assertThat(withAgent.exitCode).as(withAgent.toString()).isZero();
    }

    private ForkedJvm run(String options, Path config, String seconds) {
        try {
            return ForkedJvm.java().agent(options).classpath(config, ForkedJvm.TEST_CLASSES).libs(libs())
                    .main(APP, seconds).run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void appLogLinesAreTheSameWithTheAgentOnceTimestampsAreMasked() {
        List<String> expected = masked(plain.stdout);
        assertThat(expected).as(plain.toString())
                .filteredOn(line -> line.startsWith(linePrefix())).hasSize(6);
        assertThat(masked(withAgent.stdout)).as(withAgent.toString()).isEqualTo(expected);
    }

    @Test
    void appLogbackXmlStaysInChargeWithTheAgent() {
        String configUrl = ForkedJvm.TEST_CLASSES.resolve(configFolder()).resolve("logback.xml").toAbsolutePath().toFile().toURI().toString();
        assertThat(withAgent.stdout.lines().findFirst()).as(withAgent.toString())
                .hasValue("logging-check factory=ch.qos.logback.classic.LoggerContext config=" + configUrl);
        assertThat(withAgent.stdout).as(withAgent.toString())
                .contains(linePrefix())
                .contains("noisy logger warning 1 of 1")
                .contains("debug is on for com.acme")
                .doesNotContain("this line must not appear")
                .contains("\tat " + APP + ".main(LoggingApp.java:");
    }

    @Test
    void agentWritesOnlyItsOwnTaggedLinesToStandardErrorAndNothingToStandardOutput() {
        assertThat(plain.stderr).as(plain.toString()).isEmpty();
        assertThat(withAgent.stderrWithoutAgentLines()).as(withAgent.toString()).isEqualTo(plain.stderr);
        assertThat(withAgent.stderr).as(withAgent.toString()).contains("[growthwatch] INFO  started");
        assertThat(withAgent.stdout).doesNotContain("[growthwatch]");
    }

    @Test
    void agentStillReportsTheAppsLeakingMapWithItsAllocationSite() throws Exception {
        List<JsonObject> suspects = withAgent.events("leak-suspect");
        assertThat(suspects).as(withAgent.toString()).isNotEmpty();
        JsonObject alert = suspects.get(0);
        String site = ForkedJvm.siteOf(APP, "<init>", "visitors = new HashMap<>()");
        assertThat(alert.get("site").getAsString()).isEqualTo(site);
        assertThat(alert.get("field").getAsString()).isEqualTo(APP + ".visitors");
        assertThat(alert.get("inserts").getAsLong()).isGreaterThan(10_000);
        assertThat(alert.get("removes").getAsLong()).isZero();
        assertThat(withAgent.stderr).contains("WARN  leak-suspect").contains("site=\"" + site + "\"");
    }

    static List<String> masked(String output) {
        return output.lines().map(line -> TIMESTAMP.matcher(line).replaceAll("<time>")).toList();
    }
}
