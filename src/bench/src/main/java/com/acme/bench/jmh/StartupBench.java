package com.acme.bench.jmh;

import com.acme.bench.run.ChildJvm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5, benchmark 5a: wall time from JVM start to exit of a trivial main, launched as a new
 * {@code java} process with the fork's agent setting (system property {@value ChildJvm#CHILD_AGENT}).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class StartupBench extends AgentCheck {

    private List<String> command;

    /** Builds the command line once and runs it once, failing if the child's agent reports an error. */
    @Setup
    public void command() throws IOException, InterruptedException {
        command = ChildJvm.command(ChildJvm.childAgentOfThisFork(), List.of(),
                com.acme.bench.tracked.TrivialMain.class.getName(), List.of());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 || output.contains("[growthwatch] ERROR")) {
            throw new IllegalStateException("the trivial main did not run as expected: " + command + "\n" + output);
        }
    }

    /** Runs the trivial main once, from process start to exit; fails on a non-zero exit status. */
    @Benchmark
    public int trivialMain() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException("trivial main exited with " + status + ": " + command);
        }
        return status;
    }
}
