package io.growthwatch.core;

import io.growthwatch.bootstrap.Faults;

/**
 * Faults injected on purpose, for the tests that prove the application never sees the agent's
 * errors: {@code -Dgrowthwatch-agent.injectFaults=hooks,transform,sampler}. Off unless that property
 * ({@link Faults#INJECT_PROPERTY}) is set. The hooks read {@code hooks} themselves, into a constant.
 *
 * @param transform whether the transformer fails on purpose
 * @param sampler   whether every sample fails on purpose
 */
record FaultInjection(boolean transform, boolean sampler) {

    static FaultInjection fromSystemProperty() {
        return new FaultInjection(Faults.injectionRequested("transform"), Faults.injectionRequested("sampler"));
    }
}
