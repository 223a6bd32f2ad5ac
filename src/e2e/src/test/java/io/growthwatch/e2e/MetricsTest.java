package io.growthwatch.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.tools.attach.VirtualMachine;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics endpoint of a JVM running the seed leak: scraped over HTTP and parsed as the Prometheus
 * text format, negotiated to OpenMetrics, its live page in a browser engine; the shipped alerting
 * rules, dashboard and OpenTelemetry JMX rules checked against what the agent really exports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {

    static final String SEED = "com.acme.scenarios.SeedTracker";
    static final Path MONITORING = Path.of("../monitoring");
    static final Pattern SERVING = Pattern.compile("serving metrics metrics=\"(http://[^\"]+)/metrics\"");

    /** Every metric the agent exports, as scraped. */
    static final List<String> EXPORTED = List.of("growthwatch_site_entries", "growthwatch_site_instances",
            "growthwatch_site_inserts_total", "growthwatch_site_removes_total", "growthwatch_site_entry_growth_per_second",
            "growthwatch_site_retained_bytes", "growthwatch_site_heap_exhaustion_seconds", "growthwatch_site_status",
            "growthwatch_leak_suspects");

    ForkedJvm.Running seed;
    String base;
    String seedSite;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startTheSeedLeakWithMetrics() throws Exception {
        seed = ForkedJvm.java().agent("packages=com.acme.scenarios,interval=500ms,metrics=0")
                .classpath(ForkedJvm.TEST_CLASSES).main(SEED, "40").start();
        Matcher serving = SERVING.matcher(seed.awaitStderr(SERVING, Duration.ofSeconds(20)));
        assertThat(serving.find()).isTrue();
        base = serving.group(1);
        seedSite = ForkedJvm.siteOf(SEED, "<init>", "sessions = new HashMap<>()");
    }

    @AfterAll
    void stop() throws Exception {
        if (seed != null) {
            seed.stop();
        }
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private PrometheusText scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        return PrometheusText.parse(response.body());
    }

    private double seedValue(PrometheusText metrics, String name) {
        return metrics.named(name).stream().filter(s -> seedSite.equals(s.labels().get("site")))
                .mapToDouble(PrometheusText.Sample::value).findFirst().orElse(-1);
    }

    private boolean seedIsSuspect(PrometheusText metrics) {
        return metrics.named("growthwatch_site_status").stream().anyMatch(s -> seedSite.equals(s.labels().get("site"))
                && "leak-suspect".equals(s.labels().get("growthwatch_site_status")) && s.value() == 1);
    }

    /** Scrapes until the seed site is a suspect (it takes a detection window); fails after {@code limit}. */
    private PrometheusText scrapeUntilSuspect(Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        PrometheusText metrics = scrape();
        while (!seedIsSuspect(metrics) && System.nanoTime() < end) {
            Thread.sleep(500);
            metrics = scrape();
        }
        return metrics;
    }

    @Test
    void scrapesShowTheSeedLeaksEntriesRisingAndItsStatusTurningToLeakSuspect() throws Exception {
        PrometheusText first = scrape();
        Thread.sleep(2_000);
        PrometheusText later = scrapeUntilSuspect(Duration.ofSeconds(25));

        assertThat(seedValue(later, "growthwatch_site_entries")).isGreaterThan(seedValue(first, "growthwatch_site_entries"));
        assertThat(seedValue(later, "growthwatch_site_inserts_total")).isGreaterThan(seedValue(first, "growthwatch_site_inserts_total"));
        assertThat(seedValue(later, "growthwatch_site_removes_total")).isZero();
        assertThat(seedIsSuspect(later)).as("seed site is a leak suspect").isTrue();
        assertThat(seedValue(later, "growthwatch_site_entry_growth_per_second")).isPositive();
        assertThat(seedValue(later, "growthwatch_site_heap_exhaustion_seconds")).isPositive();
        assertThat(later.named("growthwatch_leak_suspects")).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(1));
        assertThat(later.named("growthwatch_site_entries")).anySatisfy(s -> assertThat(s.labels())
                .containsEntry("type", "java.util.HashMap").containsEntry("field", "com.acme.scenarios.SeedTracker.sessions"));
    }

    @Test
    void everyExportedMetricHasItsTypeAndFollowsPrometheusNaming() throws Exception {
        PrometheusText metrics = scrapeUntilSuspect(Duration.ofSeconds(25));

        assertThat(metrics.types.keySet()).containsExactlyInAnyOrderElementsOf(EXPORTED);
        for (String name : EXPORTED) {
            assertThat(PrometheusNaming.isValidMetricName(name)).as(name).isTrue();
            assertThat(name).startsWith("growthwatch_");
        }
        assertThat(metrics.types).containsEntry("growthwatch_site_inserts_total", "counter")
                .containsEntry("growthwatch_site_removes_total", "counter")
                .containsEntry("growthwatch_site_entries", "gauge");
    }

    @Test
    void openMetricsIsServedWhenTheScraperAsksForIt() throws Exception {
        HttpResponse<String> response = get("/metrics", "application/openmetrics-text; version=1.0.0; charset=utf-8");

        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/openmetrics-text"));
        assertThat(response.body()).contains("# TYPE growthwatch_site_status stateset").endsWith("# EOF\n");
        PrometheusText metrics = PrometheusText.parse(response.body());
        assertThat(metrics.named("growthwatch_site_entries")).isNotEmpty();
    }

    @Test
    void everyMetricTheRulesAndTheDashboardUseIsExported() throws Exception {
        PrometheusText metrics = scrapeUntilSuspect(Duration.ofSeconds(25));
        Set<String> exported = new HashSet<>(metrics.types.keySet());

        Set<String> used = new TreeSet<>();
        Yaml yaml = new Yaml();
        Map<String, Object> rules = yaml.load(Files.readString(MONITORING.resolve("growthwatch-alerts.yml")));
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                used.addAll(metricNames(String.valueOf(((Map<?, ?>) rule).get("expr"))));
            }
        }
        JsonObject dashboard = JsonParser.parseString(Files.readString(MONITORING.resolve("growthwatch-dashboard.json"))).getAsJsonObject();
        for (JsonElement panel : dashboard.getAsJsonArray("panels")) {
            for (JsonElement target : panel.getAsJsonObject().getAsJsonArray("targets")) {
                used.addAll(metricNames(target.getAsJsonObject().get("expr").getAsString()));
            }
        }
        used.addAll(metricNames(dashboard.getAsJsonObject("templating").toString()));

        assertThat(used).hasSizeGreaterThanOrEqualTo(6);
        assertThat(exported).containsAll(used);
    }

    /** The metric names a PromQL expression refers to (names of this agent's prefix). */
    private static Set<String> metricNames(String promql) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\bgrowthwatch_[a-z_]+\\b(?!\\s*=)").matcher(promql);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenTelemetryJmxRulesNameAttributesOfTheMXBean() throws Exception {
        Map<String, Object> config = new Yaml().load(Files.readString(MONITORING.resolve("growthwatch-otel-jmx.yaml")));
        Map<String, Object> rule = (Map<String, Object>) ((List<Object>) config.get("rules")).get(0);
        Set<String> mapped = ((Map<String, Object>) rule.get("mapping")).keySet();

        VirtualMachine vm = VirtualMachine.attach(String.valueOf(seed.pid()));
        try (JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()))) {
            MBeanServerConnection server = connector.getMBeanServerConnection();
            ObjectName bean = new ObjectName((String) rule.get("bean"));
            for (int i = 0; i < 30 && !server.isRegistered(bean); i++) {
                Thread.sleep(100); // the agent registers its bean within 500 ms of an MBean server existing
            }
            Set<String> attributes = new HashSet<>();
            for (MBeanAttributeInfo a : server.getMBeanInfo(bean).getAttributes()) {
                attributes.add(a.getName());
                if (mapped.contains(a.getName())) {
                    assertThat(a.getType()).as(a.getName()).isIn("int", "long", "double");
                }
            }
            assertThat(attributes).containsAll(mapped);
            assertThat(((Number) server.getAttribute(bean, "TrackedEntries")).longValue()).isPositive();
        } finally {
            vm.detach();
        }
    }

    @Test
    void theLivePageShowsTheSitesChartInABrowserEngine() throws Exception {
        scrapeUntilSuspect(Duration.ofSeconds(25));
        try (WebClient browser = new WebClient()) {
            browser.getOptions().setThrowExceptionOnScriptError(true);
            HtmlPage page = browser.getPage(base + "/");

            assertThat(page.getTitleText()).isEqualTo("growthwatch report");
            assertThat(page.querySelectorAll("#sites tbody tr")).anySatisfy(row -> assertThat(row.asNormalizedText())
                    .contains(seedSite).contains("leak-suspect"));
            DomNode chart = page.querySelector("svg.chart.entries");
            assertThat(Integer.parseInt(chart.getAttributes().getNamedItem("data-points").getNodeValue())).isGreaterThan(3);
        }
    }

    @Test
    void aPortInUseIsOneLineAndTheApplicationRunsOn() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            ForkedJvm run = ForkedJvm.run("packages=com.acme.scenarios,interval=500ms,metrics=" + port, List.of(), SEED, "3");

            assertThat(run.exitCode).as(run.toString()).isZero();
            assertThat(run.stdout).contains("seed tracker done");
            assertThat(run.stderr.lines().filter(l -> l.contains("option 'metrics'")))
                    .singleElement().asString()
                    .startsWith("[growthwatch] ERROR option 'metrics': 127.0.0.1:" + port + " cannot be bound")
                    .contains("expected a free port");
        }
    }

    @Test
    void theEndpointKeepsNoJvmAliveAfterItsProgramEnds() throws Exception {
        // long enough for a loaded machine's agent thread to have started the endpoint before the program ends
        ForkedJvm run = ForkedJvm.run("packages=com.acme.scenarios,interval=500ms,metrics=0", List.of(), SEED, "5");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stderr).contains("serving metrics");
        assertThat(run.elapsed).isLessThan(Duration.ofSeconds(15));
    }
}
