package io.growthwatch.e2e.compat;

import io.growthwatch.e2e.ForkedJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 2000 virtual threads on Java 25 do what {@link ConcurrencyTest}'s platform threads do, with the
 * JDK's pinning diagnostics on. {@code -Djdk.tracePinnedThreads=full} is passed as well, but Java 24
 * removed it (JEP 491), so the check reads the Flight Recorder's {@code jdk.VirtualThreadPinned}
 * events, recorded with no threshold. The program pins twice on purpose, outside growthwatch (a
 * sleep in a class initializer), which proves that pinning is seen at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VirtualThreadsTest {

    Path java25;
    ForkedJvm run;
    String pinnedEvents;

    @BeforeAll
    void runOnVirtualThreads() throws Exception {
        java25 = Jdks.find(25);
        if (java25 == null) {
            return; // every test is skipped
        }
        Path recording = Files.createTempDirectory("growthwatch-jfr").resolve("pinning.jfr");
        run = ForkedJvm.java().jdk(java25)
                .jvmArgs("-Djdk.tracePinnedThreads=full",
                        "-XX:StartFlightRecording=filename=" + recording
                                + ",jdk.VirtualThreadPinned#enabled=true,jdk.VirtualThreadPinned#threshold=0ms")
                .agent(ConcurrencyTest.OPTIONS).classpath(ForkedJvm.TEST_CLASSES)
                .main(ConcurrencyTest.PROGRAM, "virtual", "2000", "2000", "64", "1")
                .timeout(Duration.ofSeconds(90)).run();
        pinnedEvents = jfrPrint(recording);
    }

    private String jfrPrint(Path recording) throws IOException, InterruptedException {
        Path out = recording.resolveSibling("pinned.txt");
        Process jfr = new ProcessBuilder(java25.resolve("bin/jfr").toString(), "print", "--events",
                "jdk.VirtualThreadPinned", "--stack-depth", "64", recording.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(jfr.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    @Test
    void insertAndRemoveTotalsOfVirtualThreadsMatchTheRealOperations() throws IOException {
        Jdks.home(25);
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).contains("threads=virtual tasks=2000");
        ConcurrencyTest.assertTotalsMatch(run);
    }

    @Test
    void hooksNeverPinAVirtualThread() {
        Jdks.home(25);
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(pinnedEvents).as("the deliberate pinning outside growthwatch is recorded")
                .contains("jdk.VirtualThreadPinned {").contains("PinnedOnPurpose$SlowInit");
        assertThat(pinnedEvents).doesNotContain("io.growthwatch");
        assertThat(run.stdout + run.stderr).doesNotContain("io.growthwatch.bootstrap").doesNotContain("<== monitors");
    }
}
