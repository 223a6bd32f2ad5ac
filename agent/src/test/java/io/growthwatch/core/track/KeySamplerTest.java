package io.growthwatch.core.track;

import io.growthwatch.bootstrap.AllocSite;
import io.growthwatch.bootstrap.Registry;
import io.growthwatch.bootstrap.SiteLocation;
import io.growthwatch.bootstrap.TrackedMap;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeySamplerTest {

    private static final int KEY_HASH = 42;

    private final Map<String, Integer> map = new HashMap<>();
    private final TrackedMap tracked;
    private final int siteId;

    KeySamplerTest() {
        siteId = Registry.allocSite("KeySamplerTest|" + System.identityHashCode(this),
                new SiteLocation("com.acme.Counters", "<init>", "Counters.java", 12, "app"), "java.util.HashMap", null);
        AllocSite site = Registry.allocSites()[siteId];
        tracked = Registry.instances().add(map, site);
    }

    private KeySampler sampledAt(long millis) {
        KeySampler sampler = new KeySampler(250);
        sampler.sampled(siteId, tracked, new TableInspector.Entry("/api/v1/endpoint-7", 1, KEY_HASH), millis);
        return sampler;
    }

    @Test
    void aKeyUsedAgainDuringItsWatchCountsAsSeenAgain() {
        KeySampler sampler = sampledAt(1_000);
        tracked.accessed(KEY_HASH);

        sampler.judge(siteId, 1_500);

        assertThat(sampler.shape(siteId).watched()).isEqualTo(1);
        assertThat(sampler.shape(siteId).seenAgain()).isEqualTo(1);
        assertThat(sampler.shape(siteId).watchMillis()).isEqualTo(500);
    }

    @Test
    void aKeyNotUsedAgainDuringItsWatchCountsAsNotSeenAgain() {
        KeySampler sampler = sampledAt(1_000);

        sampler.judge(siteId, 1_500);

        assertThat(sampler.shape(siteId).watched()).isEqualTo(1);
        assertThat(sampler.shape(siteId).seenAgain()).isZero();
    }

    @Test
    void aWatchShorterThanTheMinimumIsNotJudgedAndGoesOn() {
        KeySampler sampler = sampledAt(1_000);

        sampler.judge(siteId, 1_018);

        assertThat(sampler.shape(siteId).watched()).isZero();
        assertThat(tracked.keyWatch()).isEqualTo(TrackedMap.WATCHING);
        tracked.accessed(KEY_HASH);
        sampler.judge(siteId, 1_500);
        assertThat(sampler.shape(siteId).watched()).isEqualTo(1);
        assertThat(sampler.shape(siteId).seenAgain()).isEqualTo(1);
    }
}
