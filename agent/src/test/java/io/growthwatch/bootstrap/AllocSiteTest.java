package io.growthwatch.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;

class AllocSiteTest {

    private static AllocSite site() {
        return new AllocSite(0, new SiteLocation("com.acme.Requests", "handle", "Requests.java", 12, "app"),
                "java.util.HashMap", null, false);
    }

    /** Admits like the hook does, counting the instance as tracked when admitted. */
    private static int admitted(AllocSite site, int allocations) {
        int admitted = 0;
        for (int i = 0; i < allocations; i++) {
            if (site.admit(new HashMap<>())) {
                site.trackedAdded();
                admitted++;
            }
        }
        return admitted;
    }

    @Test
    void aBusySiteTracksAtMostItsPoolAndItsSampleBudgetPerInterval() {
        AllocSite site = site();
        int admitted = admitted(site, 1_000_000);
        // one in 64 of a million would be 15,625 weak references in one interval
        assertThat(admitted).isGreaterThan(AllocSite.ALWAYS_TRACKED)
                .isLessThanOrEqualTo(AllocSite.ALWAYS_TRACKED + AllocSite.SAMPLED_PER_EPOCH);
    }

    @Test
    void theSampleBudgetIsRenewedEveryInterval() {
        AllocSite site = site();
        admitted(site, 1_000_000);
        Registry.nextEpoch();
        int next = admitted(site, 1_000_000);
        assertThat(next).isGreaterThan(0).isLessThanOrEqualTo(AllocSite.SAMPLED_PER_EPOCH);
    }

    @Test
    void aQuietSiteTracksEveryInstanceUpToItsPool() {
        AllocSite site = site();
        assertThat(admitted(site, AllocSite.ALWAYS_TRACKED)).isEqualTo(AllocSite.ALWAYS_TRACKED);
    }
}
