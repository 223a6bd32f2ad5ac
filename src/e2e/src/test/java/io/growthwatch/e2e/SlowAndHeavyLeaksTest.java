package io.growthwatch.e2e;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Leaks the fine window cannot see: too slow (found at the tenfold scale), or few entries that weigh
 * a lot (found by their bytes); each beside a bounded twin that must stay quiet. The intervals are
 * short so that the coarse window fills within the test: 100 ms, a window of 10 points.
 */
class SlowAndHeavyLeaksTest {

    private static final String FAST = "packages=com.acme.scenarios,interval=100ms,window=10,report=$REPORT";

    @Test
    void aLeakTooSlowForTheFineWindowIsFoundAtTheTenfoldScale() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.SlowLeak", "20");

        String slow = ForkedJvm.siteOf("com.acme.scenarios.SlowLeak", "<init>", "slow = new HashMap<>()");
        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).extracting(e -> e.get("site").getAsString()).containsOnly(slow);
        JsonObject alert = suspects.get(0);
        assertThat(alert.get("intervalsPerPoint").getAsInt()).isEqualTo(10);
        assertThat(alert.get("windowSeconds").getAsLong()).isEqualTo(10);
        assertThat(alert.get("entriesPerMinute").getAsLong()).isBetween(6_000L, 12_000L);
        assertThat(run.stderr).contains("(a point per 10 intervals: a slow leak)");
    }

    @Test
    void theSameSlowMapReapedStaysQuiet() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.SlowLeak", "20", "reaped");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
    }

    @Test
    void aFewMegabytePayloadsASecondAreALeakByTheirBytes() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of("-Xmx512m"), "com.acme.scenarios.PayloadCache", "20");

        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        JsonObject alert = suspects.get(0);
        assertThat(alert.get("entries").getAsLong()).isLessThan(1_000);
        assertThat(alert.get("bytesPerEntry").getAsLong()).isGreaterThan(1L << 20);
        assertThat(alert.get("heapExhaustedInSeconds").getAsLong()).isLessThan(600);
    }

    @Test
    void theSamePayloadsBoundedToTheNewestEightStayQuiet() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of("-Xmx512m"), "com.acme.scenarios.PayloadCache", "20", "bounded");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
    }
}
