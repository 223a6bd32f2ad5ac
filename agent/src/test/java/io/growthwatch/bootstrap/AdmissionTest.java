package io.growthwatch.bootstrap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AdmissionTest {

    /** Admits like the allocation hook does, counting the instance as tracked when admitted. */
    private static int admitted(Admission admission, int allocations) {
        int admitted = 0;
        for (int i = 0; i < allocations; i++) {
            if (admission.admit() > 0) {
                admission.trackedAdded();
                admitted++;
            }
        }
        return admitted;
    }

    @Test
    void aBusySiteTracksAtMostItsPoolAndItsSampleBudgetPerInterval() {
        Admission admission = new Admission();
        int admitted = admitted(admission, 1_000_000);
        // one in 64 of a million would be 15,625 weak references in one interval
        assertThat(admitted).isGreaterThan(Admission.ALWAYS_TRACKED)
                .isLessThanOrEqualTo(Admission.ALWAYS_TRACKED + Admission.SAMPLED_PER_EPOCH);
    }

    @Test
    void theSampleBudgetIsRenewedEveryInterval() {
        Admission admission = new Admission();
        admitted(admission, 1_000_000);
        Epoch.advance();
        int next = admitted(admission, 1_000_000);
        assertThat(next).isGreaterThan(0).isLessThanOrEqualTo(Admission.SAMPLED_PER_EPOCH);
    }

    @Test
    void aQuietSiteTracksEveryInstanceUpToItsPool() {
        assertThat(admitted(new Admission(), Admission.ALWAYS_TRACKED)).isEqualTo(Admission.ALWAYS_TRACKED);
    }

    @Test
    void collectedInstancesMakeRoomInThePoolAgain() {
        Admission admission = new Admission();
        admitted(admission, Admission.ALWAYS_TRACKED);
        for (int i = 0; i < Admission.ALWAYS_TRACKED; i++) {
            admission.trackedDropped();
        }
        assertThat(admitted(admission, Admission.ALWAYS_TRACKED)).isEqualTo(Admission.ALWAYS_TRACKED);
    }
}
