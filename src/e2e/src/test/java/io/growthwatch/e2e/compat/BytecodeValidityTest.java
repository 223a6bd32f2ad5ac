package io.growthwatch.e2e.compat;

import io.growthwatch.e2e.ForkedJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instrumented classes pass the bytecode verifier on Java 17 and Java 25: {@code com.acme.compat.bytecode.Shapes}
 * allocates and mutates maps in the shapes that are hard to rewrite, and runs with
 * {@code -Xverify:all} with and without the agent on each JDK.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BytecodeValidityTest {

    static final String SHAPES = "com.acme.compat.bytecode.Shapes";
    static final Path SOURCE = ForkedJvm.SOURCES.resolve("com/acme/compat/bytecode/Shapes.java");

    /**
     * The program stays alive this long after its work: the agent registers its shutdown summary
     * only once its background thread has started, and a JVM that exits sooner gets no summary.
     */
    static final String LINGER_SECONDS = "4";

    /** Per JDK feature version: the run without the agent, then the run with it. */
    private Map<Integer, List<ForkedJvm>> runs;

    @BeforeAll
    void runOnEveryJdk() {
        runs = Jdks.plainThenWithAgent("packages=com.acme.compat.bytecode,report=$REPORT",
                home -> ForkedJvm.java().jdk(home).jvmArgs("-Xverify:all").classpath(ForkedJvm.TEST_CLASSES)
                        .main(SHAPES, LINGER_SECONDS));
    }

    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 25})
    void trickyShapesPassTheVerifierAndPrintTheSameWithTheAgent(int feature) {
        Jdks.home(feature);
        ForkedJvm plain = runs.get(feature).get(0);
        ForkedJvm withAgent = runs.get(feature).get(1);
        assertThat(plain.exitCode).as(plain.toString()).isZero();
        assertThat(plain.stdout).contains("shapes done").contains("anonymous-initializer").contains("switch-2");
        assertThat(withAgent.exitCode).as(withAgent.toString()).isZero();
        assertThat(withAgent.stdout).isEqualTo(plain.stdout);
        assertThat(withAgent.stderrWithoutAgentLines()).as(withAgent.toString()).isEqualTo(plain.stderr);
        assertThat(withAgent.stderr).doesNotContain("VerifyError").doesNotContain("uninstrumented")
                .doesNotContain("maps cannot count themselves"); // the counted twins pass the verifier too
    }

    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 25})
    void everyTrickyShapeIsInstrumentedAndNamedByItsSourceLine(int feature) throws IOException {
        Jdks.home(feature);
        ForkedJvm withAgent = runs.get(feature).get(1);
        List<String> sites = withAgent.lastSummarySites().stream().map(row -> row.get("site").getAsString()).toList();
        String shapes = SHAPES.replace(".", "\\.");
        assertThat(sites).as(withAgent.toString()).hasSize(10);
        assertThat(String.join("\n", sites))
                .containsPattern(probe(1, shapes + "\\.<clinit>"))
                .containsPattern(probe(2, shapes + "\\$SuperArgument\\.<init>"))
                .containsPattern(probe(3, shapes + "\\$Inventory\\.<init>"))
                .containsPattern(probe(4, shapes + "\\$Inner\\.<init>"))
                .containsPattern(probe(5, shapes + "\\.byKind"))
                .containsPattern(probe(6, shapes + "\\.lambda\\$main\\$\\d+"))
                .containsPattern(probe(7, shapes + "\\.main"))
                .containsPattern(probe(8, shapes + "\\.lambda\\$main\\$\\d+"))
                .containsPattern(probe(9, shapes + "\\$Registry\\.of"))
                .containsPattern(probe(10, shapes + "\\$Region\\.<init>"));
    }

    /** {@code site(Shapes.java:LINE)} where LINE holds the comment {@code // probe N}. */
    private static String probe(int n, String siteRegex) throws IOException {
        List<String> lines = Files.readAllLines(SOURCE);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).endsWith("// probe " + n)) {
                return "(?m)^" + siteRegex + "\\(Shapes\\.java:" + (i + 1) + "\\)$";
            }
        }
        throw new AssertionError("probe " + n + " not found in " + SOURCE);
    }
}
