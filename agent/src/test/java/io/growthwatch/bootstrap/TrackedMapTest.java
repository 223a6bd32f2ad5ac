package io.growthwatch.bootstrap;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrackedMapTest {

    private final AllocSite site = new AllocSite(0, location(10), "java.util.HashMap", null, false);

    private static SiteLocation location(int line) {
        return new SiteLocation("com.acme.Cache", "update", "Cache.java", line, "app");
    }

    private CallCounter counterAt(int line) {
        return site.counterFor(new CallSite(line, location(line), "put", null));
    }

    private TrackedMap tracked(Map<String, String> map) {
        site.observeType(map);
        return new TrackedMap(map, 1, site, new WeakReference<>(new Object()));
    }

    @Test
    void anInstanceKeepsItsOwnTallyPerCallSiteUpToTheCap() {
        Map<String, String> map = new HashMap<>();
        TrackedMap tracked = tracked(map);
        for (int line = 0; line < TrackedMap.MAX_TALLIES; line++) {
            CallCounter counter = counterAt(100 + line);
            Tally tally = tracked.tallyFor(counter);
            assertThat(tally.instance).isSameAs(tracked);
            assertThat(tracked.tallyFor(counter)).isSameAs(tally);
        }
    }

    @Test
    void callSitesBeyondTheCapShareTheirOverflowTallyAndStillCount() {
        Map<String, String> map = new HashMap<>();
        TrackedMap tracked = tracked(map);
        for (int line = 0; line < TrackedMap.MAX_TALLIES; line++) {
            tracked.tallyFor(counterAt(100 + line));
        }
        CallCounter beyond = counterAt(500);
        Tally overflow = tracked.tallyFor(beyond);
        assertThat(overflow.instance).isNull();
        overflow.inserted("key", "value");
        overflow.inserted("other", "value");
        overflow.removed();
        assertThat(beyond.inserts()).isEqualTo(2);
        assertThat(beyond.removes()).isEqualTo(1);
    }
}
