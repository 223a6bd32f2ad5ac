package io.growthwatch.core;

import io.growthwatch.bootstrap.Faults;

import java.util.Arrays;
import java.util.List;

/**
 * Faults injected on purpose, for the tests that prove the application never sees the agent's
 * errors: {@code -Dgrowthwatch-agent.injectFaults=hooks,transform,sampler}. Off unless that property
 * is set.
 */
record FaultInjection(boolean hooks, boolean transform, boolean sampler) {

    /** The system property read; the hooks read it themselves ({@link Faults#INJECT_PROPERTY}). */
    static final String PROPERTY = Faults.INJECT_PROPERTY;

    static FaultInjection fromSystemProperty() {
        String value = System.getProperty(PROPERTY, "");
        List<String> kinds = Arrays.stream(value.split(",")).map(String::trim).toList();
        return new FaultInjection(kinds.contains("hooks"), kinds.contains("transform"), kinds.contains("sampler"));
    }
}
