package io.growthwatch.e2e;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Faults injected into the agent never reach the application: same output, same exit code. */
class FaultsTest {

    private static final String OPTIONS = "packages=com.acme.scenarios,interval=500ms";
    private static ForkedJvm plain;

    @BeforeAll
    static void runWithoutAgent() throws Exception {
        plain = ForkedJvm.run(null, List.of(), "com.acme.scenarios.Workload", "0");
        assertThat(plain.exitCode).isZero();
        assertThat(plain.stdout).startsWith("workload checksum=");
    }

    @Test
    void faultsInHooksAreCaughtLoggedOnceAndResultsStayTheSame() throws Exception {
        ForkedJvm run = ForkedJvm.run(OPTIONS, List.of("-Dgrowthwatch-agent.injectFaults=hooks"), "com.acme.scenarios.Workload", "3");

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).isEqualTo(plain.stdout);
        assertThat(run.stderr).containsOnlyOnce("errors inside growthwatch hooks were caught")
                .contains("fault injected into a growthwatch hook (test)");
    }

    @Test
    void classesTheAgentFailsToTransformLoadUnchanged() throws Exception {
        ForkedJvm run = ForkedJvm.run(OPTIONS, List.of("-Dgrowthwatch-agent.injectFaults=transform"), "com.acme.scenarios.Workload", "1");

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).isEqualTo(plain.stdout);
        assertThat(run.stderr).doesNotContain("Exception").doesNotContain("ERROR");
    }

    @Test
    void samplerThatKeepsFailingSwitchesTheHooksOffAndTheApplicationGoesOn() throws Exception {
        ForkedJvm run = ForkedJvm.run(OPTIONS, List.of("-Dgrowthwatch-agent.injectFaults=sampler"), "com.acme.scenarios.Workload", "4");

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).isEqualTo(plain.stdout);
        assertThat(run.stderr).containsOnlyOnce("sampling failed; will retry")
                .containsOnlyOnce("stopped after an internal error").contains("hooks are switched off");
    }

    /** A report file that can no longer be written (here: a full device) stops the report, not the agent. */
    @Test
    void aReportThatCannotBeWrittenStopsOnceAndLoggingGoesOn() throws Exception {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "needs Linux's /dev/full");
        ForkedJvm run = ForkedJvm.run("packages=com.acme.scenarios,interval=200ms,summary=1s,report=/dev/full", List.of(),
                "com.acme.scenarios.Workload", "4");

        assertThat(run.exitCode).isZero();
        assertThat(run.stdout).isEqualTo(plain.stdout);
        assertThat(run.stderr).containsOnlyOnce("could not write the report /dev/full")
                .doesNotContain("sampling failed").doesNotContain("stopped after an internal error");
        String afterFailure = run.stderr.substring(run.stderr.indexOf("could not write the report"));
        assertThat(afterFailure).contains("summary (periodic)");
    }
}
