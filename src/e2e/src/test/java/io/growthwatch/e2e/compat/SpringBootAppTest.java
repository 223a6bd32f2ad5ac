package io.growthwatch.e2e.compat;

import io.growthwatch.e2e.ForkedJvm;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot 3.5 web application (module src/compat/spring-boot-app), its executable fat jar
 * launched with {@code java -jar} (Boot's nested-jar class loader, Boot's own logback setup), with a
 * leaky {@code @Component} in the chosen package fed 2000 new keys/s by a scheduled task. Started once
 * without and once with the agent, side by side; each answers one HTTP request on loopback and is
 * then stopped with SIGTERM, the agent's run once the leak has been reported.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringBootAppTest {

    static final Path BOOT_JAR = Path.of(System.getProperty("growthwatch.compat.boot.jar",
            "../compat/spring-boot-app/target/growthwatch-compat-boot.jar"));
    static final Path REGISTRY_SOURCE = Path.of("../compat/spring-boot-app/src/main/java/com/acme/compat/boot/VisitorRegistry.java");
    static final Pattern STARTED = Pattern.compile("Started BootApp in ");
    static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    /** Boot's default console line: time, level, PID, application name, thread, logger, message. */
    static final Pattern BOOT_LINE = Pattern.compile(
            "^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) +(TRACE|DEBUG|INFO|WARN|ERROR) \\d+ --- "
                    + "\\[boot-compat] \\[[ \\w.-]{15}] [\\w.$\\[\\]/]+ *: .+$");
    static final Pattern TIMESTAMP = Pattern.compile("^\\S+");
    static final Pattern NUMBER = Pattern.compile("\\d+");

    Served plain;
    Served withAgent;

    /** One run of the app: the answer to its HTTP request, then its output once stopped. */
    record Served(int status, String body, ForkedJvm run) {
    }

    /** The Boot app, started and listening on {@code base}. */
    record Started(ForkedJvm.Running app, URI base) {
    }

    /** Starts the fat jar with {@code agentOptions} (null: no agent) and waits until Boot says it has started. */
    static Started start(String agentOptions, String... args) throws IOException, InterruptedException {
        String[] all = new String[args.length + 1];
        all[0] = "--server.port=0";
        System.arraycopy(args, 0, all, 1, args.length);
        ForkedJvm.Running app = ForkedJvm.java().agent(agentOptions).jar(BOOT_JAR, all).start();
        app.awaitStdout(STARTED, Duration.ofSeconds(120));
        Matcher port = PORT.matcher(app.awaitStdout(PORT, Duration.ofSeconds(5)));
        assertThat(port.find()).isTrue();
        return new Started(app, URI.create("http://127.0.0.1:" + port.group(1)));
    }

    @BeforeAll
    void serveWithoutAndWithTheAgent() throws Exception {
        assertThat(BOOT_JAR).as("the Spring Boot fat jar; build it with mvn -B package (module src/compat/spring-boot-app)")
                .isRegularFile();
        CompletableFuture<Served> without = CompletableFuture.supplyAsync(() -> serve(null));
        withAgent = serve("packages=com.acme.compat.boot,interval=500ms,report=$REPORT");
        plain = without.join();
    }

    private static Served serve(String agentOptions) {
        try {
            Started started = start(agentOptions, "--leak.keys-per-tick=20");
            ForkedJvm.Running app = started.app();
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(started.base().resolve("/visit?id=alice"))
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (agentOptions != null) {
                awaitLeakSuspect(app, Duration.ofSeconds(60));
            }
            return new Served(response.statusCode(), response.body(), app.stop());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitLeakSuspect(ForkedJvm.Running app, Duration limit) throws IOException, InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end && app.reportText().lines().noneMatch(l -> l.contains("\"event\":\"leak-suspect\""))) {
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    @Test
    void appStartsAndAnswersOnLoopbackWithTheAgent() {
        assertThat(plain.status()).as(plain.run().toString()).isEqualTo(200);
        assertThat(withAgent.status()).as(withAgent.run().toString()).isEqualTo(200);
        assertThat(withAgent.body()).isEqualTo(plain.body()).isEqualTo("hello alice, visitors known: some");
        assertThat(withAgent.run().exitCode).isEqualTo(plain.run().exitCode);
    }

    @Test
    void bootLogLinesKeepTheirFormatWithTheAgent() {
        List<String> expected = plain.run().stdout.lines().toList();
        assertThat(expected).as(plain.run().toString()).hasSizeGreaterThan(10)
                .allSatisfy(line -> assertThat(line).matches(BOOT_LINE));
        List<String> actual = withAgent.run().stdout.lines().toList();
        assertThat(actual).as(withAgent.run().toString()).allSatisfy(line -> assertThat(line).matches(BOOT_LINE));
        assertThat(masked(actual)).isEqualTo(masked(expected));
    }

    @Test
    void bootsLoggingSystemIsUndisturbedAndTheAgentKeepsToItsOwnLines() {
        assertThat(plain.run().stderr).as(plain.run().toString()).isEmpty();
        assertThat(withAgent.run().stderrWithoutAgentLines()).as(withAgent.run().toString()).isEmpty();
        assertThat(withAgent.run().stderr).contains("[growthwatch] INFO  started");
        assertThat(withAgent.run().stdout).doesNotContain("[growthwatch]").doesNotContain("LoggerContext");
    }

    @Test
    void agentReportsTheLeakyComponentWithItsAllocationSite() throws Exception {
        ForkedJvm run = withAgent.run();
        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        JsonObject alert = suspects.get(0);
        String site = ForkedJvm.siteIn(REGISTRY_SOURCE, "com.acme.compat.boot.VisitorRegistry", "<init>",
                "visitors = new ConcurrentHashMap<>()");
        assertThat(alert.get("site").getAsString()).isEqualTo(site);
        assertThat(alert.get("type").getAsString()).isEqualTo("java.util.concurrent.ConcurrentHashMap");
        assertThat(alert.get("field").getAsString()).isEqualTo("com.acme.compat.boot.VisitorRegistry.visitors");
        assertThat(alert.get("entriesPerMinute").getAsLong()).isBetween(60_000L, 180_000L);
        assertThat(run.stderr).contains("WARN  leak-suspect").contains("site=\"" + site + "\"");
    }

    /** Lines without their time stamp and with every number (PID, port, durations) replaced. */
    static List<String> masked(List<String> lines) {
        return lines.stream().map(l -> NUMBER.matcher(TIMESTAMP.matcher(l).replaceFirst("<time>")).replaceAll("N")).toList();
    }
}
