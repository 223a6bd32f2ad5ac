package io.growthwatch.e2e;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Maps the JDK makes for the chosen code are sites named by the chosen code's line. */
class JdkMadeMapsTest {

    private static final String FAST = "packages=com.acme.scenarios,interval=500ms,window=10,report=$REPORT";

    @Test
    void aMapMadeByCollectorsGroupingByIsASiteAtTheCollectingLine() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.CollectedIndex", "12");

        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        JsonObject alert = suspects.get(0);
        assertThat(alert.get("site").getAsString())
                .isEqualTo(ForkedJvm.siteOf("com.acme.scenarios.CollectedIndex", "index", "Collectors.groupingBy("));
        assertThat(alert.get("type").getAsString()).isEqualTo("java.util.HashMap");
        assertThat(alert.getAsJsonArray("insertedBy").get(0).getAsJsonObject().get("site").getAsString())
                .isEqualTo(ForkedJvm.siteOf("com.acme.scenarios.CollectedIndex", "order", "byCustomer.computeIfAbsent("));
        assertThat(alert.get("removes").getAsLong()).isZero();
    }

    @Test
    void theSameIndexKeepingItsNewestCustomersStaysQuiet() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.CollectedIndex", "12", "bounded");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).contains("collected index done");
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
    }

    @Test
    void aMapMadeByAConstructorReferenceSupplierIsASiteAtTheReference() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.SuppliedMaps", "12");

        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        assertThat(suspects.get(0).get("site").getAsString())
                .isEqualTo(ForkedJvm.siteOf("com.acme.scenarios.SuppliedMaps", "main", "factory = HashMap::new"));
        assertThat(suspects.get(0).getAsJsonArray("insertedBy").get(0).getAsJsonObject().get("site").getAsString())
                .isEqualTo(ForkedJvm.siteOf("com.acme.scenarios.SuppliedMaps", "saw", "seen.put("));
    }
}
