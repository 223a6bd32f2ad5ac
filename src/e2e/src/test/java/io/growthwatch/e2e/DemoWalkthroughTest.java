package io.growthwatch.e2e;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo service with the real agent, as in the README's walkthrough, with a shorter interval. */
class DemoWalkthroughTest {

    private static final Path DEMO_JAR = Path.of(System.getProperty("growthwatch.demo.jar", "../../demo-app/target/growthwatch-demo.jar"));
    private static final Path DEMO_SOURCES = Path.of("../../demo-app/src/main/java");
    /**
     * Short interval, and {@code minGrowth} above the reaped map's whole steady size (about 1,900
     * entries at 1,500 requests/s with the 1 s TTL used below): on a busy machine the load generator
     * takes most of a window to warm up, and a reaped map filling from empty while traffic ramps up
     * from almost nothing does grow by up to its steady size. The leaky tracker gains far more.
     */
    private static final String OPTIONS = "packages=com.acme.demo,interval=500ms,minGrowth=2000,report=$REPORT";
    /** The demo's own logback pattern: {@code %d{HH:mm:ss.SSS} [%thread] %-5level %logger{36} - demo | %msg%n}. */
    private static final Pattern DEMO_LINE = Pattern.compile("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} \\[[^\\]]+\\] (INFO |WARN |ERROR|DEBUG) \\S+ - demo \\| .*");

    /**
     * Runs the demo with load. In {@code fixed} mode the TTL is short (1 s, reaped every 250 ms) so
     * that the reaped map reaches its steady size within the first seconds even while the load
     * generator is still warming up on a busy machine: a reaped map whose traffic keeps rising for a
     * whole window grows with it, and would rightly look like growth.
     */
    private static ForkedJvm demo(String mode) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--mode", mode, "--load", "--duration", "18s", "--rate", "1500"));
        if (mode.equals("fixed")) {
            args.addAll(List.of("--ttl", "1s", "--reap-every", "250ms"));
        }
        return ForkedJvm.run(OPTIONS, List.of(), List.of("-jar", DEMO_JAR.toString()), args.toArray(String[]::new));
    }

    private static ForkedJvm leaky;

    /** The leaky demo's run, made once for the tests that read it. */
    private static synchronized ForkedJvm leaky() throws Exception {
        if (leaky == null) {
            leaky = demo("leaky");
        }
        return leaky;
    }

    private static String trackerSite() throws Exception {
        List<String> lines = Files.readAllLines(DEMO_SOURCES.resolve("com/acme/demo/session/Tracker.java"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("sessions = new HashMap<>();")) {
                return "com.acme.demo.session.Tracker.<init>(Tracker.java:" + (i + 1) + ")";
            }
        }
        throw new AssertionError("allocation of Tracker.sessions not found");
    }

    @Test
    void leakyDemoIsReportedAtTheTrackerAllocationOnly() throws Exception {
        ForkedJvm run = leaky();

        assertThat(run.exitCode).as(run.toString()).isZero();
        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        String tracker = trackerSite();
        assertThat(suspects).allSatisfy(e -> assertThat(e.get("site").getAsString()).isEqualTo(tracker));
        JsonObject alert = suspects.get(0);
        assertThat(alert.get("field").getAsString()).isEqualTo("com.acme.demo.session.Tracker.sessions");
        assertThat(alert.get("removes").getAsLong()).isZero();
        assertThat(alert.get("entriesPerMinute").getAsLong()).isPositive();
        assertThat(alert.getAsJsonArray("insertedBy").get(0).getAsJsonObject().get("site").getAsString())
                .startsWith("com.acme.demo.session.Tracker.seen(Tracker.java:");
        assertThat(run.stderr).contains("WARN  leak-suspect").contains(tracker);
    }

    @Test
    void leakyDemoAlertNamesTheUnreadLastSeenTheKeyShapeAndTheRemedy() throws Exception {
        ForkedJvm run = leaky();

        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        JsonObject alert = suspects.get(suspects.size() - 1);
        JsonObject unread = alert.getAsJsonArray("unreadFields").get(0).getAsJsonObject();
        assertThat(unread.get("field").getAsString()).isEqualTo("com.acme.demo.session.Session.lastSeenMillis");
        assertThat(unread.get("writtenIn").getAsString()).isEqualTo("Session.touch");
        assertThat(alert.getAsJsonObject("keys").get("type").getAsString()).isEqualTo("String");
        assertThat(alert.getAsJsonObject("keys").get("watched").getAsInt()).isPositive();
        assertThat(alert.get("remedy").getAsString()).startsWith("expire entries by Session.lastSeenMillis");
        assertThat(run.stderr).contains("unreadFields=\"com.acme.demo.session.Session.lastSeenMillis (long, written in Session.touch");
    }

    @Test
    void fixedDemoIsNotReported() throws Exception {
        ForkedJvm run = demo("fixed");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
        assertThat(run.stdout).contains("\"mode\":\"fixed\"");
    }

    @Test
    void serviceLogKeepsItsOwnFormatAndClientsSeeNoErrors() throws Exception {
        ForkedJvm run = leaky();

        List<String> serviceLines = run.stdout.lines().filter(l -> !l.isBlank()).toList();
        assertThat(serviceLines).isNotEmpty().allSatisfy(l -> assertThat(l).matches(DEMO_LINE));
        assertThat(run.stdout).contains("errorsByStatus={} transportErrors=0");
        String finished = serviceLines.stream().filter(l -> l.contains("load finished")).findFirst().orElseThrow();
        String sent = finished.replaceAll(".*sent=(\\d+).*", "$1");
        assertThat(finished).contains("ok=" + sent + " ");
        assertThat(run.stderr.lines().filter(l -> !l.isBlank() && !l.startsWith("  ")))
                .allSatisfy(l -> assertThat(l).contains("[growthwatch]"));
    }
}
