package io.growthwatch.core;

import java.util.Arrays;
import java.util.List;

/**
 * Faults injected on purpose, for the tests that prove the application never sees the agent's
 * errors: {@code -Dgrowthwatch-agent.injectFaults=hooks,transform,sampler}. Off unless that property
 * is set.
 */
record FaultInjection(boolean hooks, boolean transform, boolean sampler) {

    /** The system property read. */
    static final String PROPERTY = "growthwatch-agent.injectFaults";

    /** With {@code hooks}: one hook call in this many fails. */
    static final int HOOK_FAULT_EVERY = 100;

    static FaultInjection fromSystemProperty() {
        String value = System.getProperty(PROPERTY, "");
        List<String> kinds = Arrays.stream(value.split(",")).map(String::trim).toList();
        return new FaultInjection(kinds.contains("hooks"), kinds.contains("transform"), kinds.contains("sampler"));
    }
}
