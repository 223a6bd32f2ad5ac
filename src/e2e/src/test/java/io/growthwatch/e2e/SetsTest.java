package io.growthwatch.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sets are sites like maps: {@code HashSet} and {@code LinkedHashSet} counted exactly through a
 * counted twin of the map inside them, {@code TreeSet}, {@code ConcurrentSkipListSet} and
 * {@code ConcurrentHashMap.newKeySet()} from their sizes, {@code Collections.newSetFromMap} through the
 * map it wraps, {@code Collectors.toSet()} at the collecting line.
 */
class SetsTest {

    private static final String FAST = "packages=com.acme.scenarios,interval=500ms,window=10,report=$REPORT";
    private static final String PROGRAM = "com.acme.scenarios.SetLeak";

    private static ForkedJvm leaky;

    @BeforeAll
    static void runTheLeakySets() throws Exception {
        leaky = ForkedJvm.run(FAST, List.of(), PROGRAM, "12");
    }

    private static JsonObject suspect(String field) throws Exception {
        return leaky.events("leak-suspect").stream()
                .filter(e -> e.has("field") && e.get("field").getAsString().equals("com.acme.scenarios.SetLeak." + field))
                .findFirst().orElseThrow(() -> new AssertionError("no leak-suspect for " + field + "\n" + leaky));
    }

    private static List<String> sites(JsonObject suspect, String member) {
        return StreamSupport.stream(suspect.getAsJsonArray(member).spliterator(), false)
                .map(JsonElement::getAsJsonObject).map(o -> o.get("site").getAsString()).toList();
    }

    @Test
    void aHashSetOfSeenIdsIsReportedWithItsTypeFieldAndAddingLine() throws Exception {
        JsonObject seen = suspect("seenIds");

        assertThat(seen.get("type").getAsString()).isEqualTo("java.util.HashSet");
        assertThat(seen.get("site").getAsString()).isEqualTo(ForkedJvm.siteOf(PROGRAM, "<init>", "seenIds = new HashSet<>()"));
        assertThat(sites(seen, "insertedBy")).containsExactly(ForkedJvm.siteOf(PROGRAM, "tick", "seenIds.add("));
        assertThat(seen.get("remedy").getAsString()).contains("bound the set");
    }

    @Test
    void theHashSetKeepsItsClassForTheApplication() throws Exception {
        assertThat(leaky.stdout).as(leaky.toString()).contains("class=java.util.HashSet");
        assertThat(leaky.stderr).contains("leak-suspect: this set keeps growing");
    }

    @Test
    void bulkAddsAndRemovesCountAtTheirOwnCallSite() throws Exception {
        JsonObject order = suspect("order");

        assertThat(order.get("type").getAsString()).isEqualTo("java.util.LinkedHashSet");
        assertThat(sites(order, "insertedBy")).containsExactly(ForkedJvm.siteOf(PROGRAM, "tick", "order.addAll("));
        assertThat(sites(order, "removedBy")).containsExactly(ForkedJvm.siteOf(PROGRAM, "tick", "order.removeAll("));
        long inserts = order.get("inserts").getAsLong();
        long removes = order.get("removes").getAsLong();
        assertThat((double) removes / inserts).isBetween(0.45, 0.55);
    }

    @Test
    void bulkCallsCountAtTheirCallSiteAlsoWhenOnlyHashSetsAreTracked() throws Exception {
        String program = "com.acme.scenarios.BulkSetLeak";
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), program, "12");

        JsonObject order = run.events("leak-suspect").stream().findFirst()
                .orElseThrow(() -> new AssertionError("no leak-suspect\n" + run));
        assertThat(sites(order, "insertedBy")).containsExactly(ForkedJvm.siteOf(program, "tick", "order.addAll("));
        assertThat(sites(order, "removedBy")).containsExactly(ForkedJvm.siteOf(program, "tick", "order.removeAll("));
        assertThat((double) order.get("removes").getAsLong() / order.get("inserts").getAsLong()).isBetween(0.45, 0.55);
    }

    @Test
    void keySetsSortedSetsAndSetsFromMapsAreReportedByKind() throws Exception {
        assertThat(suspect("sessions").get("type").getAsString()).isEqualTo("java.util.concurrent.ConcurrentHashMap$KeySetView");
        assertThat(sites(suspect("sessions"), "insertedBy")).containsExactly(ForkedJvm.siteOf(PROGRAM, "tick", "sessions.add("));
        assertThat(suspect("times").get("type").getAsString()).isEqualTo("java.util.TreeSet");
        assertThat(suspect("symbols").get("type").getAsString()).isEqualTo("java.util.concurrent.ConcurrentSkipListSet");
        JsonObject tokens = suspect("tokens");
        assertThat(tokens.get("site").getAsString()).isEqualTo(ForkedJvm.siteOf(PROGRAM, "<init>", "tokens = Collections.newSetFromMap("));
        assertThat(sites(tokens, "insertedBy")).containsExactly(ForkedJvm.siteOf(PROGRAM, "tick", "tokens.add("));
    }

    @Test
    void aSetMadeByCollectorsToSetIsASiteAtTheCollectingLine() throws Exception {
        JsonObject regions = suspect("regions");

        assertThat(regions.get("type").getAsString()).isEqualTo("java.util.HashSet");
        assertThat(regions.get("site").getAsString()).isEqualTo(ForkedJvm.siteOf(PROGRAM, "<init>", "regions = Stream.of("));
        assertThat(sites(regions, "insertedBy")).containsExactly(ForkedJvm.siteOf(PROGRAM, "tick", "regions.add("));
    }

    @Test
    void theSameSetsDroppingTheirOldestStayQuiet() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), PROGRAM, "12", "bounded");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).contains("seenIds=500 order=500 sessions=500 times=500 symbols=500 tokens=500 regions=502");
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
    }
}
