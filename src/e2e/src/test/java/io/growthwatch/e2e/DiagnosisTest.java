package io.growthwatch.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** What a finding tells a person: owner, inserters, removers, rates, projections, and when it ends. */
class DiagnosisTest {

    private static final String FAST = "packages=com.acme.scenarios,interval=500ms,report=$REPORT";

    @Test
    void seedTrackerAlertCarriesFieldInserterZeroRemovesRateAndFiniteHeapProjection() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of("-Xmx512m"), "com.acme.scenarios.SeedTracker", "14");

        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        JsonObject alert = suspects.get(0);
        assertThat(alert.get("field").getAsString()).isEqualTo("com.acme.scenarios.SeedTracker.sessions");
        JsonObject inserter = alert.getAsJsonArray("insertedBy").get(0).getAsJsonObject();
        assertThat(inserter.get("site").getAsString())
                .isEqualTo(ForkedJvm.siteOf("com.acme.scenarios.SeedTracker", "seen", "sessions.put(key, s)"));
        assertThat(alert.getAsJsonArray("removedBy")).isEmpty();
        assertThat(alert.get("removes").getAsLong()).isZero();
        assertThat(alert.get("uncountedRemoves").getAsLong()).isZero();
        assertThat(alert.get("entriesPerMinute").getAsLong()).isPositive();
        assertThat(alert.get("bytesPerEntry").getAsLong()).isBetween(64L, 512L);
        assertThat(alert.get("retainedBytes").getAsLong()).isEqualTo(alert.get("bytesPerEntry").getAsLong() * alert.get("entries").getAsLong());
        assertThat(alert.get("heapMaxBytes").getAsLong()).isEqualTo(512L << 20);
        assertThat(alert.get("heapExhaustedInSeconds").getAsLong()).isPositive().isLessThan(24 * 3600L);
        assertThat(alert.getAsJsonArray("trend")).hasSize(20);
        assertThat(run.stderr).contains("removedBy=\"none: 0 removes from any call site\"").contains("heapExhaustedIn=\"");
    }

    @Test
    void mapFilledFromTwoCallSitesListsBothInserters() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.TwoInserters", "14");

        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        List<String> inserters = StreamSupport.stream(suspects.get(0).getAsJsonArray("insertedBy").spliterator(), false)
                .map(JsonElement::getAsJsonObject).map(o -> o.get("site").getAsString() + " " + o.get("operation").getAsString())
                .toList();
        assertThat(inserters).containsExactly(
                ForkedJvm.siteOf("com.acme.scenarios.TwoInserters", "login", "seen.put(") + " put",
                ForkedJvm.siteOf("com.acme.scenarios.TwoInserters", "refresh", "seen.putIfAbsent(") + " putIfAbsent");
    }

    @Test
    void leakThatStopsGrowingIsClearedOnce() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.StopsGrowing", "28");

        List<JsonObject> suspects = run.events("leak-suspect");
        List<JsonObject> cleared = run.events("leak-cleared");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        assertThat(cleared).as(run.toString()).hasSize(1);
        assertThat(cleared.get(0).get("site").getAsString()).isEqualTo(suspects.get(0).get("site").getAsString());
        assertThat(run.after(cleared.get(0))).isGreaterThan(run.after(suspects.get(suspects.size() - 1)));
        assertThat(run.stderr).contains("leak-cleared");
    }

    @Test
    void spikeDrainedBackToThousandsIsOversizedNotALeak() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of("-Xmx512m"), "com.acme.scenarios.SpikeAndDrain", "8");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
        List<JsonObject> oversized = run.events("oversized");
        assertThat(oversized).as(run.toString()).hasSize(1);
        JsonObject event = oversized.get(0);
        assertThat(event.get("site").getAsString())
                .isEqualTo(ForkedJvm.siteOf("com.acme.scenarios.SpikeAndDrain", "<init>", "sessions = new HashMap<>()"));
        assertThat(event.get("size").getAsInt()).isEqualTo(5_000);
        assertThat(event.get("capacity").getAsInt()).isEqualTo(1 << 22);
        assertThat(event.get("wastedBytes").getAsLong()).isGreaterThanOrEqualTo(8L << 20);
        assertThat(event.get("advice").getAsString()).contains("rebuild");
    }

    @Test
    void concurrentMapWithSteadyChurnIsNeitherSuspectNorOversized() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST + ",summary=5s", List.of(), "com.acme.scenarios.SteadyChurn", "14");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
        assertThat(run.events("oversized")).as(run.toString()).isEmpty();
        JsonObject periodic = run.events("summary").stream()
                .filter(e -> e.get("reason").getAsString().equals("periodic")).reduce((a, b) -> b).orElseThrow();
        JsonObject site = periodic.getAsJsonArray("sites").get(0).getAsJsonObject();
        assertThat(site.get("status").getAsString()).isEqualTo("ok");
        assertThat(site.get("entries").getAsLong()).isEqualTo(5_000);
        assertThat(site.get("removes").getAsLong()).isPositive();
    }
}
