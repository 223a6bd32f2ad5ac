package io.growthwatch.bootstrap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The call sites these paths link are checked in a forked JVM by the end-to-end ConcurrencyTest. */
class ContendedPathsTest {

    @Test
    void takingThePathsOnOneThreadRecordsNoFault() {
        long faults = Faults.count();
        ContendedPaths.take();
        assertThat(Faults.count()).isEqualTo(faults);
    }
}
