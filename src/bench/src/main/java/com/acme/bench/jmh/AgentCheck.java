package com.acme.bench.jmh;

import com.acme.bench.memory.AgentProbe;
import com.acme.bench.run.ChildJvm;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Base of every benchmark class: fails the run when the agent is not in the state the runner asked
 * for (system property {@value ChildJvm#EXPECT}), so that an agent that refused to start, or that
 * instruments the wrong code, can never pass for "no overhead". Without the property it checks nothing.
 */
@State(Scope.Benchmark)
public abstract class AgentCheck {

    /**
     * Before the run: no hooks without agent; hooks installed and counting with it. Then the JDK's
     * map code is warmed as in a running service ({@link JdkMapsWarmup}), the same in every configuration.
     */
    @Setup
    public void agentAsExpected() {
        checkAgent();
        JdkMapsWarmup.run();
    }

    private void checkAgent() {
        String expected = System.getProperty(ChildJvm.EXPECT);
        if (expected == null) {
            return;
        }
        boolean none = "NONE".equals(expected);
        if (none == AgentProbe.installed() || (!none && !AgentProbe.enabled())) {
            throw new IllegalStateException("expected agent configuration " + expected + " but the agent is "
                    + (AgentProbe.installed() ? (AgentProbe.enabled() ? "running" : "installed but disabled") : "absent")
                    + "; see the fork's output for the agent's own error");
        }
    }

    /** After the run: with the agent tracking, tracked code registered sites and outside code none (beyond the warm-up's). */
    @TearDown
    public void sitesAsExpected(BenchmarkParams params) {
        if (!"TRACKING".equals(System.getProperty(ChildJvm.EXPECT)) || this instanceof StartupBench) {
            return;
        }
        long sites = AgentProbe.allocationSites() - JdkMapsWarmup.sitesRegistered();
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        boolean trackedCode = !method.startsWith("outside");
        if (trackedCode ? sites <= 0 : sites != 0) {
            throw new IllegalStateException("agent registered " + sites + " allocation sites running "
                    + params.getBenchmark() + "; expected " + (trackedCode ? "some" : "none"));
        }
    }
}
