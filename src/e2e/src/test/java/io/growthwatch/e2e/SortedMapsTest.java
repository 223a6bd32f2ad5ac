package io.growthwatch.e2e;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code TreeMap} and {@code ConcurrentSkipListMap} sites, followed through their sizes at call sites. */
class SortedMapsTest {

    private static final String FAST = "packages=com.acme.scenarios,interval=500ms,window=10,report=$REPORT";
    private static final String PROGRAM = "com.acme.scenarios.SortedLeak";

    @Test
    void sortedMapsThatOnlyGrowAreReportedWithTheirTypeAndInserter() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), PROGRAM, "12");

        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).extracting(e -> e.get("type").getAsString())
                .contains("java.util.TreeMap", "java.util.concurrent.ConcurrentSkipListMap");
        JsonObject tree = suspects.stream().filter(e -> e.get("type").getAsString().equals("java.util.TreeMap")).findFirst().orElseThrow();
        assertThat(tree.get("site").getAsString()).isEqualTo(ForkedJvm.siteOf(PROGRAM, "<init>", "events = new TreeMap<>()"));
        assertThat(tree.get("field").getAsString()).isEqualTo("com.acme.scenarios.SortedLeak.events");
        assertThat(tree.getAsJsonArray("insertedBy").get(0).getAsJsonObject().get("site").getAsString())
                .isEqualTo(ForkedJvm.siteOf(PROGRAM, "tick", "events.put("));
    }

    @Test
    void theSameSortedMapsDroppingTheirOldestStayQuiet() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), PROGRAM, "12", "bounded");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).contains("events=500 prices=500");
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
    }
}
