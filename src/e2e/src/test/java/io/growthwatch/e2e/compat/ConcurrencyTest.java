package io.growthwatch.e2e.compat;

import com.acme.compat.concurrency.FirstSharedCounts;
import io.growthwatch.e2e.ForkedJvm;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight platform threads race on one tracked ConcurrentHashMap of 64 shared keys (put, remove,
 * putIfAbsent, remove(key, value); computeIfAbsent and merge on keys of their own) while each also
 * allocates short-lived tracked maps, and the sampler reads every 100 ms. The program counts the real
 * inserts and removes from each operation's result; the agent's shutdown summary must say the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyTest {

    static final String PROGRAM = "com.acme.compat.concurrency.ConcurrentCounts";
    static final String OPTIONS = "packages=com.acme.compat.concurrency,interval=100ms,report=$REPORT";
    static final Pattern REAL = Pattern.compile("real inserts=(\\d+) removes=(\\d+) size=(\\d+) consistent=true");
    static final Pattern TOOK = Pattern.compile("took=(\\d+)ms");

    ForkedJvm run;

    @BeforeAll
    void raceEightThreads() throws Exception {
        run = ForkedJvm.java().agent(OPTIONS).classpath(ForkedJvm.TEST_CLASSES)
                .main(PROGRAM, "platform", "8", "1000000", "64", "1").timeout(Duration.ofSeconds(90)).run();
    }

    @Test
    void insertAndRemoveTotalsOfRacingThreadsMatchTheRealOperations() throws IOException {
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertTotalsMatch(run);
    }

    @Test
    void mutatingThreadsAndAFastSamplerFinishWithoutDeadlock() {
        assertThat(run.exitCode).as(run.toString()).isZero();
        Matcher took = TOOK.matcher(run.stdout);
        assertThat(took.find()).as(run.toString()).isTrue();
        // 8 x 1,000,000 operations take a few seconds on 2 cores; a lock-up would hit the 90 s limit
        assertThat(Long.parseLong(took.group(1))).isLessThan(60_000);
        assertThat(run.stdout).contains("churned=500000");
        assertThat(run.stderr).doesNotContain("sampling failed").doesNotContain("ERROR");
    }

    /**
     * The paths that hooks take only when threads share a concurrent map (the JDK's striped counter
     * under the counts, the slots where threads other than the owner name their call sites) are
     * linked when the agent starts, not by the application's threads: linking a {@code VarHandle}
     * call site holds a lock of the VM, and a virtual thread waiting for it is pinned to its carrier
     * (seen once by {@link VirtualThreadsTest}). The VM's log of method-handle linking, on the same
     * stream as the program's output, names none of those call sites after the program's threads start.
     * Java 21 on: older JVMs have no virtual threads, and the agent leaves the paths to link at first use.
     */
    @Test
    @EnabledForJreRange(min = JRE.JAVA_21)
    void hooksLinkNoCallSiteOnTheApplicationsThreads() throws Exception {
        ForkedJvm linking = ForkedJvm.java().jvmArgs("-Xlog:methodhandles=info:stdout").agent(OPTIONS)
                .classpath(ForkedJvm.TEST_CLASSES).main(FirstSharedCounts.class.getName(), "4", "200000").run();
        assertThat(linking.exitCode).as(linking.toString()).isZero();
        int started = linking.stdout.indexOf(FirstSharedCounts.STARTED);
        assertThat(started).as(linking.toString()).isPositive();
        assertThat(linking.stdout.substring(0, started)).as("linked while the agent started")
                .contains("resolve_invokehandle weakCompareAndSetRelease (Ljava/util/concurrent/atomic/Striped64;")
                .contains("resolve_invokehandle weakCompareAndSetRelease (Ljava/util/concurrent/atomic/Striped64$Cell;")
                .contains("resolve_invokehandle setRelease (Lio/growthwatch/bootstrap/PendingCall;");
        List<String> linkedLater = linking.stdout.substring(started).lines()
                .filter(line -> line.contains("resolve_invokehandle"))
                .filter(line -> line.contains("Striped64") || line.contains("io/growthwatch"))
                .toList();
        assertThat(linkedLater).isEmpty();
        assertThat(linking.stdout).contains("size=");
    }

    /**
     * computeIfAbsent and merge racing with other mutations of the same key are counted exactly: on
     * concurrent maps the hooks learn from whether the map called the function, not from a check
     * before the call (which counted 355,427 inserts for 355,349 real ones before this was fixed).
     */
    @Test
    void racingComputeIfAbsentAndMergeAreCountedExactly() throws Exception {
        ForkedJvm racing = ForkedJvm.java().agent(OPTIONS).classpath(ForkedJvm.TEST_CLASSES)
                .main(PROGRAM, "platform-racing-computes", "8", "200000", "64", "1").run();
        assertThat(racing.exitCode).as(racing.toString()).isZero();
        assertTotalsMatch(racing);
    }

    /**
     * Threads that each own a HashMap allocated at one site and mutate it through the same call sites
     * (more threads than the call sites' receiver cache has ways) are counted exactly: each instance
     * has its own counts, so threads never write the same counter.
     */
    @Test
    void mapsOwnedByOneThreadEachAtOneCallSiteAreCountedExactly() throws Exception {
        String program = "com.acme.compat.concurrency.PerThreadMaps";
        ForkedJvm perThread = ForkedJvm.java().agent(OPTIONS).classpath(ForkedJvm.TEST_CLASSES)
                .main(program, "6", "1000000", "512", "3").run(); // 3 s for the agent to start its summary on a busy machine
        assertThat(perThread.exitCode).as(perThread.toString()).isZero();
        assertTotalsMatch(perThread, ForkedJvm.siteOf(program, "<init>", "entries = new HashMap<>()"));
    }

    /** The summary row of the shared map against the totals the program printed. */
    static void assertTotalsMatch(ForkedJvm run) throws IOException {
        assertTotalsMatch(run, ForkedJvm.siteOf(PROGRAM, "<init>", "shared = new ConcurrentHashMap<>()"));
    }

    /** The summary row of {@code site} against the totals the program printed. */
    static void assertTotalsMatch(ForkedJvm run, String site) throws IOException {
        Matcher real = REAL.matcher(run.stdout);
        assertThat(real.find()).as(run.toString()).isTrue();
        List<JsonObject> rows = run.lastSummarySites().stream()
                .filter(row -> row.get("site").getAsString().equals(site)).toList();
        assertThat(rows).as(run.toString()).hasSize(1);
        JsonObject row = rows.get(0);
        assertThat(row.get("inserts").getAsLong()).as("inserts").isEqualTo(Long.parseLong(real.group(1)))
                .isGreaterThan(100_000);
        assertThat(row.get("removes").getAsLong()).as("removes").isEqualTo(Long.parseLong(real.group(2)))
                .isGreaterThan(100_000);
        assertThat(row.get("entries").getAsLong()).as("entries").isEqualTo(Long.parseLong(real.group(3)));
    }
}
