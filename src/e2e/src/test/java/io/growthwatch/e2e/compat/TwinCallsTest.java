package io.growthwatch.e2e.compat;

import com.google.gson.JsonObject;
import io.growthwatch.e2e.ForkedJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call that may reach a counted {@code ConcurrentHashMap} (a {@code remove(key)}: any counted twin)
 * gains a branch that calls the twin with its call site as an argument:
 * {@code com.acme.compat.twincalls.TwinCallShapes} makes such calls in
 * the stack and frame shapes that branch must survive, with {@code -Xverify:all}, without and with
 * the agent on Java 17 and 25.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwinCallsTest {

    private static final String PROGRAM = "com.acme.compat.twincalls.TwinCallShapes";

    /** Per JDK feature version: the run without the agent, then the run with it. */
    private Map<Integer, List<ForkedJvm>> runs;

    @BeforeAll
    void runOnEveryJdk() {
        runs = Jdks.plainThenWithAgent("packages=com.acme.compat.twincalls,report=$REPORT",
                home -> ForkedJvm.java().jdk(home).jvmArgs("-Xverify:all").classpath(ForkedJvm.TEST_CLASSES)
                        .main(PROGRAM, BytecodeValidityTest.LINGER_SECONDS));
    }

    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 25})
    void everyShapePassesTheVerifierAndComputesTheSameWithTheAgent(int feature) {
        Jdks.home(feature);
        ForkedJvm plain = runs.get(feature).get(0);
        ForkedJvm withAgent = runs.get(feature).get(1);
        assertThat(plain.exitCode).as(plain.toString()).isZero();
        assertThat(plain.stdout).contains("twin call shapes done", "byMap java.util.concurrent.ConcurrentHashMap size=3000");
        assertThat(withAgent.exitCode).as(withAgent.toString()).isZero();
        assertThat(withAgent.stdout).isEqualTo(plain.stdout);
        assertThat(withAgent.stderrWithoutAgentLines()).as(withAgent.toString()).isEqualTo(plain.stderr);
        assertThat(withAgent.stderr).doesNotContain("VerifyError").doesNotContain("uninstrumented");
    }

    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 25})
    void everyInsertAndRemoveThroughTheBranchIsCountedExactly(int feature) throws IOException {
        Jdks.home(feature);
        ForkedJvm withAgent = runs.get(feature).get(1);
        Map<String, String> counts = withAgent.lastSummarySites().stream().collect(Collectors.toMap(
                site -> site.get("field").getAsString().replace(PROGRAM + ".", ""), TwinCallsTest::counts));
        assertThat(counts).as(withAgent.toString()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "byMap", "5000 inserts, 2000 removes, 3000 entries",
                "byAbstract", "5000 inserts, 2500 removes, 2500 entries",
                "byConcurrentMap", "5000 inserts, 3000 removes, 2000 entries",
                "byConcurrentHashMap", "1500 inserts, 0 removes, 1500 entries",
                "byHashMap", "5000 inserts, 4000 removes, 1000 entries",
                "byLinkedHashMap", "5000 inserts, 4500 removes, 500 entries"));
    }

    private static String counts(JsonObject site) {
        return site.get("inserts").getAsLong() + " inserts, " + site.get("removes").getAsLong() + " removes, "
                + site.get("entries").getAsLong() + " entries";
    }
}
