package io.growthwatch.e2e.compat;

import io.growthwatch.e2e.ForkedJvm;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real library under the agent: the unit tests of Apache Commons Collections 4.5.0 (its published
 * tests jar, run by the JUnit console launcher), once without and once with the agent instrumenting
 * {@code org.apache.commons.collections4} (the library and its tests). Same results either way.
 *
 * <p>Every test class of the tests jar runs (8,399 tests; 40 to 60 s for both runs side by side on
 * 2 cores) except {@code GuavaTestlibTest}, which needs Guava's testlib on the class path. The tests
 * read serialized fixtures by the relative path {@code src/test/resources/...}: they are extracted
 * from the tests jar into the working directory of both runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommonsCollectionsTest {

    static final String PACKAGE = "org.apache.commons.collections4";
    static final Pattern COUNT = Pattern.compile("\\[\\s*(\\d+) (tests|containers) (\\w+)\\s*]");
    static final Pattern FAILED = Pattern.compile("MethodSource \\[className = '([^']+)', methodName = '([^']+)', methodParameterTypes = '([^']*)'\\]");

    ForkedJvm plain;
    ForkedJvm withAgent;

    @BeforeAll
    void runTheLibrarysTestsWithoutAndWithTheAgent() throws Exception {
        Path testsJar = ForkedJvm.LIBS.resolve("collections4/commons-collections4-4.5.0-tests.jar");
        Path workDir = Files.createTempDirectory("growthwatch-collections4");
        extractTestResources(testsJar, workDir.resolve("src/test/resources")); // the tests read them by path
        CompletableFuture<ForkedJvm> without = CompletableFuture.supplyAsync(() -> run(workDir, testsJar, null));
        withAgent = run(workDir, testsJar, "packages=" + PACKAGE + ",interval=1s,summary=5s,report=$REPORT");
        plain = without.join();
    }

    private static ForkedJvm run(Path workDir, Path testsJar, String agentOptions) {
        // everything on the application class path: some tests load resources through the system class loader
        List<String> args = new ArrayList<>(List.of("execute", "--disable-banner", "--disable-ansi-colors",
                "--details=summary", "--include-classname", "[^$]+Test", "--exclude-classname", ".*GuavaTestlibTest"));
        args.addAll(List.of("--scan-classpath", testsJar.toAbsolutePath().toString()));
        try {
            return ForkedJvm.java().agent(agentOptions).workDir(workDir).libs("junit-console").libs("collections4")
                    .main("org.junit.platform.console.ConsoleLauncher", args.toArray(String[]::new))
                    .timeout(Duration.ofMinutes(6)).run();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void sameTestsPassAndFailWithTheAgentAsWithout() {
        Map<String, Long> expected = counts(plain);
        assertThat(expected.get("tests successful")).as(plain.toString()).isGreaterThan(8000);
        assertThat(expected.get("tests failed")).as(plain.toString()).isZero();
        assertThat(counts(withAgent)).as(withAgent.toString()).isEqualTo(expected);
        assertThat(failures(withAgent)).isEqualTo(failures(plain));
        assertThat(withAgent.exitCode).isEqualTo(plain.exitCode);
    }

    @Test
    void agentInstrumentedTheLibraryWhileItsTestsRan() throws IOException {
        assertThat(withAgent.stderr).contains("[growthwatch] INFO  started");
        // maps live at one periodic summary or another: which ones are live at exit depends on the collector
        List<JsonObject> listed = new ArrayList<>();
        for (JsonObject summary : withAgent.events("summary")) {
            summary.getAsJsonArray("sites").forEach(e -> listed.add(e.getAsJsonObject()));
        }
        assertThat(listed).as(withAgent.toString()).isNotEmpty()
                .allSatisfy(row -> assertThat(row.get("site").getAsString()).startsWith(PACKAGE + "."));
    }

    /** The summary counts of a console launcher run: "tests successful" to 8325, and so on. */
    static Map<String, Long> counts(ForkedJvm run) {
        Map<String, Long> counts = new TreeMap<>();
        Matcher m = COUNT.matcher(run.stdout);
        while (m.find()) {
            counts.put(m.group(2) + " " + m.group(3), Long.parseLong(m.group(1)));
        }
        assertThat(counts).as(run.toString()).containsKeys("tests found", "tests successful", "tests failed");
        return counts;
    }

    /** The failed or aborted tests named in the launcher's failure list. */
    static Set<String> failures(ForkedJvm run) {
        Set<String> failed = new TreeSet<>();
        Matcher m = FAILED.matcher(run.stdout);
        while (m.find()) {
            failed.add(m.group(1) + "#" + m.group(2) + "(" + m.group(3) + ")");
        }
        return failed;
    }

    private static void extractTestResources(Path jar, Path target) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (entry.isDirectory() || name.endsWith(".class") || name.startsWith("META-INF/")) {
                    continue;
                }
                Path out = target.resolve(name).normalize();
                if (!out.startsWith(target)) {
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out);
                }
            }
        }
    }
}
