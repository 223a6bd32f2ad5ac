package io.growthwatch.e2e.compat;

import io.growthwatch.e2e.ForkedJvm;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chosen-package classes in isolated class loaders, as in servlet containers: two copies of
 * {@code com.acme.compat.loaders.plugin.Leaky}, one in a child-first loader under the platform loader
 * (fed 2000 new keys/s), one in a child-first loader with no parent at all (1000 keys/s). Their
 * sites share one source position, so the agent names each with its loader ({@code tenant-a},
 * {@code tenant-b}); their growth rates tell them apart independently of that.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassLoaderIsolationTest {

    static final String PLUGIN = "com.acme.compat.loaders.plugin.Leaky";

    ForkedJvm run;
    String site;

    @BeforeAll
    void runTwoIsolatedCopies() throws Exception {
        run = ForkedJvm.java().agent("packages=com.acme.compat.loaders,interval=500ms,report=$REPORT")
                .classpath(ForkedJvm.TEST_CLASSES).main("com.acme.compat.loaders.LoaderHost", "20").run(); // a 10 s window needs slack on a busy machine
        site = ForkedJvm.siteOf(PLUGIN, "<init>", "seen = new HashMap<>()");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).as(run.toString())
                .contains(PLUGIN + " defined by tenant-a (parent platform)")
                .contains(PLUGIN + " defined by tenant-b (parent none)")
                .contains("copies are distinct classes: true");
    }

    @Test
    void classOfAChildFirstLoaderUnderThePlatformLoaderIsInstrumentedAndReported() throws Exception {
        assertThat(suspectsGrowingPerMinute(90_000, 150_000)).as(run.toString()).isNotEmpty()
                .allSatisfy(alert -> assertThat(alert.get("site").getAsString()).isEqualTo(site + " [loader tenant-a]"));
    }

    @Test
    void classOfALoaderWithNoParentResolvesTheBootstrapHooksAndIsReported() throws Exception {
        assertThat(run.stderr).doesNotContain("NoClassDefFoundError").doesNotContain("io/growthwatch/bootstrap");
        assertThat(suspectsGrowingPerMinute(40_000, 80_000)).as(run.toString()).isNotEmpty()
                .allSatisfy(alert -> assertThat(alert.get("site").getAsString()).isEqualTo(site + " [loader tenant-b]"));
    }

    @Test
    void twoCopiesOfTheSameClassAreCountedAsTwoSitesWithTheirOwnTotals() throws Exception {
        List<JsonObject> rows = run.lastSummarySites().stream()
                .filter(row -> row.get("site").getAsString().startsWith(site)).toList();
        assertThat(rows).as(run.toString()).hasSize(2);
        for (JsonObject row : rows) {
            String tenant = row.get("site").getAsString().endsWith("[loader tenant-a]") ? "tenant-a" : "tenant-b";
            assertThat(run.stdout).contains(tenant + " size=" + row.get("entries").getAsLong() + " loader=" + tenant);
            assertThat(row.get("instances").getAsInt()).isEqualTo(1);
            assertThat(row.get("inserts").getAsLong()).isEqualTo(row.get("entries").getAsLong());
            assertThat(row.get("status").getAsString()).isEqualTo("leak-suspect");
        }
    }

    /** Issue 6: "sites are told apart (the loader is shown when names collide)". */
    @Test
    void collidingSiteNamesShowTheirDefiningLoader() throws Exception {
        assertThat(run.events("leak-suspect")).as(run.toString()).extracting(e -> e.get("site").getAsString())
                .containsOnly(site + " [loader tenant-a]", site + " [loader tenant-b]")
                .contains(site + " [loader tenant-a]", site + " [loader tenant-b]");
        assertThat(run.stderr.lines().filter(line -> line.contains("WARN  leak-suspect")).toList())
                .anySatisfy(line -> assertThat(line).contains("site=\"" + site + " [loader tenant-a]\""))
                .anySatisfy(line -> assertThat(line).contains("site=\"" + site + " [loader tenant-b]\""));
    }

    private List<JsonObject> suspectsGrowingPerMinute(long min, long max) throws Exception {
        return run.events("leak-suspect").stream()
                .filter(e -> e.get("entriesPerMinute").getAsLong() >= min && e.get("entriesPerMinute").getAsLong() <= max)
                .toList();
    }
}
