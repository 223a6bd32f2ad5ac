package io.growthwatch.e2e;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site whose instances leak, each map small and steady: reported as "instances grow", with the
 * site's instances and entries estimated from the sample of its maps that is followed.
 */
class InstanceLeakTest {

    private static final String FAST = "packages=com.acme.scenarios,interval=500ms,report=$REPORT";
    /**
     * A small young generation with room to age: a collection about every second, so that sampled
     * maps count soon, and survivor spaces large enough that maps dying young are not promoted early
     * (a dead map in the old generation looks alive to weak references until the old generation is
     * collected).
     */
    private static final List<String> SMALL_HEAP = List.of("-XX:+UseSerialGC", "-Xmx256m", "-Xmn32m", "-XX:SurvivorRatio=2");

    @Test
    void aSiteWhoseSmallMapsAccumulateIsASuspectByItsInstances() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, SMALL_HEAP, "com.acme.scenarios.SessionMaps", "14");

        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        JsonObject alert = suspects.get(0);
        assertThat(alert.get("site").getAsString())
                .isEqualTo(ForkedJvm.siteOf("com.acme.scenarios.SessionMaps", "open", "attributes = new HashMap<>()"));
        assertThat(alert.get("grows").getAsString()).isEqualTo("instances");
        assertThat(alert.get("estimated").getAsBoolean()).isTrue();
        assertThat(alert.get("instancesPerMinute").getAsLong()).isBetween(40_000L, 80_000L);
        assertThat(run.stderr).contains("the number of live maps allocated here keeps growing (instances grow)");
    }

    @Test
    void theEstimateOfTheSitesLiveMapsAndEntriesIsWithinAQuarterOfTheTruth() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, SMALL_HEAP, "com.acme.scenarios.SessionMaps", "8", "leaky", "3");

        Matcher live = Pattern.compile("live=(\\d+)").matcher(run.stdout);
        assertThat(live.find()).as(run.toString()).isTrue();
        long truth = Long.parseLong(live.group(1));
        JsonObject site = run.lastSummaryOf("com.acme.scenarios.SessionMaps.open");
        assertThat((double) site.get("instances").getAsLong()).isBetween(0.75 * truth, 1.25 * truth);
        assertThat((double) site.get("entries").getAsLong()).isBetween(0.75 * 10 * truth, 1.25 * 10 * truth);
    }

    @Test
    void theSameMapsExpiringBeyondTheNewestThousandStayQuiet() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, SMALL_HEAP, "com.acme.scenarios.SessionMaps", "14", "expiring");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
    }
}
