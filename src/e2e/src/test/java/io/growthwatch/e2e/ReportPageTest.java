package io.growthwatch.e2e;

import com.google.gson.JsonObject;
import org.htmlunit.WebClient;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTableHeaderCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar growthwatch-agent.jar report}: the HTML page of a real run's report, loaded from
 * disk in a real browser engine (HtmlUnit, JavaScript on), and what it says of bad input.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPageTest {

    static final String PROGRAM = "com.acme.scenarios.ReportShowcase";

    ForkedJvm run;
    Path html;
    String leakSite;

    @BeforeAll
    void runAndRender() throws Exception {
        run = ForkedJvm.run("packages=com.acme.scenarios,interval=500ms,window=10,report=$REPORT", List.of(), PROGRAM, "12");
        assertThat(run.exitCode).as(run.toString()).isZero();
        html = run.report.resolveSibling("growth.html");
        String[] result = report(run.report.toString(), "-o", html.toString());
        assertThat(result[0]).as(result[1]).isEqualTo("0");
        assertThat(result[1]).contains("wrote " + html + " (3 sites, ");
        leakSite = ForkedJvm.siteOf(PROGRAM, "<init>", "leak = new HashMap<>()");
    }

    /** Runs the agent jar's report command; its exit status and combined output. */
    static String[] report(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", ForkedJvm.AGENT_JAR.toAbsolutePath().toString(), "report"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {String.valueOf(p.exitValue()), output};
    }

    private HtmlPage open(WebClient browser) throws IOException {
        browser.getOptions().setThrowExceptionOnScriptError(true);
        return browser.getPage(html.toUri().toURL());
    }

    /** Samples per site id in the report file, and the site each id names. */
    private Map<String, Integer> samplesPerSite() throws IOException {
        Map<Integer, String> ids = new HashMap<>();
        Map<String, Integer> samples = new HashMap<>();
        for (JsonObject e : run.events()) {
            if (e.get("event").getAsString().equals("site")) {
                ids.put(e.get("id").getAsInt(), e.get("site").getAsString());
            } else if (e.get("event").getAsString().equals("sample")) {
                e.getAsJsonArray("sites").forEach(s -> samples.merge(ids.get(s.getAsJsonArray().get(0).getAsInt()), 1, Integer::sum));
            }
        }
        return samples;
    }

    /** The selector of the section about {@code site}, {@code #site-N}. */
    private static String section(HtmlPage page, String site) {
        for (DomNode s : page.querySelectorAll("section.site")) {
            if (s.asNormalizedText().startsWith(site)) {
                return "#" + s.getAttributes().getNamedItem("id").getNodeValue();
            }
        }
        throw new AssertionError("no section for " + site);
    }

    private static List<double[]> points(DomNode polyline) {
        List<double[]> points = new ArrayList<>();
        for (String pair : polyline.getAttributes().getNamedItem("points").getNodeValue().trim().split("\\s+")) {
            String[] xy = pair.split(",");
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }

    @Test
    void thePageOpensFromDiskWithoutScriptErrorsOrAnythingFromTheNetwork() throws Exception {
        try (WebClient browser = new WebClient()) {
            HtmlPage page = open(browser);

            assertThat(page.getTitleText()).isEqualTo("growthwatch report");
            assertThat(page.querySelectorAll("#sites tbody tr")).hasSize(3);
        }
        String source = Files.readString(html);
        assertThat(source).doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("@import");
    }

    @Test
    void theTableSortsByEntriesWhenItsHeaderIsClicked() throws Exception {
        try (WebClient browser = new WebClient()) {
            HtmlPage page = open(browser);
            HtmlTableHeaderCell entries = (HtmlTableHeaderCell) page.querySelectorAll("#sites th").stream()
                    .filter(th -> th.asNormalizedText().equals("entries")).findFirst().orElseThrow();

            entries.click();
            List<Long> descending = column(page, 2);
            entries.click();
            List<Long> ascending = column(page, 2);

            assertThat(descending).isSortedAccordingTo((a, b) -> Long.compare(b, a)).hasSize(3);
            assertThat(ascending).isSorted().containsExactlyInAnyOrderElementsOf(descending);
            assertThat(descending.get(0)).isGreaterThan(descending.get(2));
        }
    }

    private static List<Long> column(HtmlPage page, int index) {
        List<Long> values = new ArrayList<>();
        for (DomNode row : page.querySelectorAll("#sites tbody tr")) {
            values.add(Long.parseLong(row.getChildNodes().get(index).getAttributes().getNamedItem("data-value").getNodeValue()));
        }
        return values;
    }

    @Test
    void everySiteHasAChartWithOnePointPerSample() throws Exception {
        Map<String, Integer> samples = samplesPerSite();
        assertThat(samples).hasSize(3);
        try (WebClient browser = new WebClient()) {
            HtmlPage page = open(browser);
            for (Map.Entry<String, Integer> site : samples.entrySet()) {
                String section = section(page, site.getKey());
                DomNode chart = page.querySelector(section + " svg.chart.entries");
                assertThat(chart.getAttributes().getNamedItem("data-points").getNodeValue()).isEqualTo(String.valueOf(site.getValue()));
                assertThat(points(page.querySelector(section + " svg.chart.entries polyline.entries"))).hasSize(site.getValue());
            }
        }
    }

    @Test
    void theLeaksChartRisesAndItsAlertIsMarked() throws Exception {
        try (WebClient browser = new WebClient()) {
            HtmlPage page = open(browser);
            String leak = section(page, leakSite);
            List<double[]> points = points(page.querySelector(leak + " svg.chart.entries polyline.entries"));

            assertThat(points.get(points.size() - 1)[1]).as("y of the last point is above the first").isLessThan(points.get(0)[1] - 50);
            assertThat(page.querySelectorAll(leak + " svg.chart.entries line.alert.leak-suspect")).isNotEmpty();
            assertThat(page.querySelector(leak + " h2").asNormalizedText()).contains("leak-suspect");
        }
    }

    @Test
    void theLatestAlertsFieldsAreShownUnderItsCharts() throws Exception {
        try (WebClient browser = new WebClient()) {
            HtmlPage page = open(browser);
            String fields = page.querySelector(section(page, leakSite) + " dl.alert-fields").asNormalizedText();

            assertThat(fields).contains("field").contains("com.acme.scenarios.ReportShowcase.leak")
                    .contains("insertedBy").contains("ReportShowcase.step(ReportShowcase.java:")
                    .contains("heapExhaustedInSeconds").contains("keys").contains("remedy").contains("bound the map");
        }
    }

    @Test
    void anEmptyFileIsOneClearMessage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jsonl"));

        String[] result = report(empty.toString());

        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1].strip()).startsWith("growthwatch: " + empty + " holds no growthwatch events;").doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("empty.html"))).isFalse();
    }

    @Test
    void aTruncatedLastLineStillGivesTheReportAndSaysSo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String text = Files.readString(run.report);
        Path cut = dir.resolve("cut.jsonl");
        Files.writeString(cut, text.substring(0, text.length() - 40));

        String[] result = report(cut.toString());

        assertThat(result[0]).as(result[1]).isEqualTo("0");
        assertThat(result[1]).contains("is incomplete (the agent was writing it?): skipped").contains("wrote ");
        assertThat(Files.readString(dir.resolve("cut.html"))).contains("is incomplete").contains("<svg class=\"chart entries\"");
    }

    @Test
    void anUnknownEventIsSkippedAndNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path newer = dir.resolve("newer.jsonl");
        Files.writeString(newer, Files.readString(run.report) + "{\"event\":\"from-the-future\",\"timestamp\":\"2030-01-01T00:00:00.000Z\"}\n");

        String[] result = report(newer.toString());

        assertThat(result[0]).as(result[1]).isEqualTo("0");
        assertThat(result[1]).contains("1 event(s) of unknown kind 'from-the-future' skipped");
    }

    @Test
    void aFileThatIsNotJsonIsAClearMessage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "these are my notes\nnot a report\n");

        String[] result = report(text.toString());

        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1]).contains("2 line(s) of notes.txt are not growthwatch events, the first at line 1: skipped")
                .contains("holds no growthwatch events").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMissingFileIsAClearMessage(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String[] result = report(dir.resolve("nowhere.jsonl").toString());

        assertThat(result[0]).isEqualTo("1");
        assertThat(result[1].strip()).isEqualTo("growthwatch: cannot read " + dir.resolve("nowhere.jsonl") + ": no such file");
    }
}
