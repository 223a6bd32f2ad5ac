package io.growthwatch.e2e;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The agent core's scenarios: each a small program in a forked JVM with the real agent jar. */
class CoreScenariosTest {

    /** Short intervals so that a full detection window (20 samples) passes in 10 seconds. */
    private static final String FAST = "packages=com.acme.scenarios,interval=500ms,report=$REPORT";

    @Test
    void seedTrackerIsReportedWithinThirtySecondsNamingItsAllocationLine() throws Exception {
        ForkedJvm run = ForkedJvm.run("packages=com.acme.scenarios,interval=1s,report=$REPORT", List.of(),
                "com.acme.scenarios.SeedTracker", "32");

        assertThat(run.exitCode).as(run.toString()).isZero();
        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        JsonObject alert = suspects.get(0);
        String site = ForkedJvm.siteOf("com.acme.scenarios.SeedTracker", "<init>", "sessions = new HashMap<>()");
        assertThat(alert.get("site").getAsString()).isEqualTo(site);
        assertThat(alert.get("type").getAsString()).isEqualTo("java.util.HashMap");
        assertThat(alert.get("instances").getAsInt()).isEqualTo(1);
        assertThat(alert.get("entries").getAsLong()).isGreaterThan(10_000);
        assertThat(alert.get("entriesPerMinute").getAsLong()).isBetween(60_000L, 180_000L);
        assertThat(alert.get("inserts").getAsLong()).isGreaterThan(10_000);
        assertThat(alert.get("removes").getAsLong()).isZero();
        assertThat(run.after(alert)).isLessThan(Duration.ofSeconds(30));
        assertThat(run.stderr).contains("WARN").contains("leak-suspect").contains("site=\"" + site + "\"");
        assertThat(suspects).allMatch(e -> e.get("site").getAsString().equals(site));
    }

    @Test
    void trackerWithIteratorReaperIsNotReported() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.ReapedTracker", "16");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
        assertThat(run.stdout).contains("reaped tracker done");
    }

    @Test
    void lruBoundedByRemoveEldestEntryIsNotReported() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.LruCache", "16");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
        assertThat(run.stdout).contains("size=500");
    }

    @Test
    void aCacheThatEvictsByItselfIsNotReportedWhileItFillsUp() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.FillingCache", "14", "40000", "2000");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).contains("filling cache done");
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
    }

    @Test
    void aCacheThatEvictsByItselfCountsEachEvictionAsARemove() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.FillingCache", "3", "1000", "2000");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertEveryPutInsertedAndAllButEntriesEvicted(run, "puts=(\\d+) size=(\\d+)", "com.acme.scenarios.FillingCache.<init>", 1000);
    }

    @Test
    void twoCachesOfOneClassFedInTurnThroughOneCallSiteCountEveryInsertAndEviction() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.TwoFillingCaches", "3", "500", "2000");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertEveryPutInsertedAndAllButEntriesEvicted(run, "puts=(\\d+) sizes=500,500", "com.acme.scenarios.TwoFillingCaches.<init>", 1000);
    }

    @Test
    void aCacheWhoseOverrideCallsAnInstrumentedSuperclassOverrideCountsEachInsertOnce() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.LayeredCache", "3", "1000", "2000");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertEveryPutInsertedAndAllButEntriesEvicted(run, "puts=(\\d+) size=1000", "com.acme.scenarios.LayeredCache.<init>", 1000);
    }

    @Test
    void aCacheThatEvictsInsideItsOwnOverrideCountsEachInsertOnceAndEachEvictionAsARemove() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.SelfEvictingCache", "3", "1000", "2000");

        assertThat(run.exitCode).as(run.toString()).isZero();
        Matcher printed = Pattern.compile("puts=(\\d+) size=1000").matcher(run.stdout);
        assertThat(printed.find()).as(run.stdout).isTrue();
        long puts = Long.parseLong(printed.group(1));
        JsonObject cache = run.lastSummaryOf("com.acme.scenarios.SelfEvictingCache.<init>");
        assertThat(cache.get("inserts").getAsLong()).as(run.toString()).isEqualTo(puts);
        // the override's own remove is found from the size at the next insert: the last one's never is
        assertThat(cache.get("removes").getAsLong()).as(run.toString()).isBetween(puts - 1001, puts - 1000);
    }

    @Test
    void aJava6CacheWhoseOverrideKeepsOneValueOnTheStackPassesTheVerifierAndCountsEachInsert() throws Exception {
        Path java6 = asJava6ClassFile("com.acme.scenarios.legacy.LegacyCache");
        ForkedJvm run = ForkedJvm.java().agent(FAST).jvmArgs("-Xverify:all").classpath(java6, ForkedJvm.TEST_CLASSES)
                .main("com.acme.scenarios.LegacyFillingCache", "3", "1000", "2000").run();

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stderr).doesNotContain("VerifyError");
        assertEveryPutInsertedAndAllButEntriesEvicted(run, "puts=(\\d+) size=1000", "com.acme.scenarios.LegacyFillingCache.main", 1000);
    }

    /**
     * The run printed its puts ({@code done}'s first group), each a new key, and the summary of
     * {@code site} counts every put as an insert, counted by the caches' own {@code removeEldestEntry}
     * as it is made, and every put beyond the {@code entries} the caches hold as an eviction.
     */
    private static void assertEveryPutInsertedAndAllButEntriesEvicted(ForkedJvm run, String done, String site, long entries)
            throws IOException {
        Matcher printed = Pattern.compile(done).matcher(run.stdout);
        assertThat(printed.find()).as(run.stdout).isTrue();
        long puts = Long.parseLong(printed.group(1));
        JsonObject caches = run.lastSummaryOf(site);
        assertThat(caches.get("inserts").getAsLong()).as(run.toString()).isEqualTo(puts);
        assertThat(caches.get("removes").getAsLong()).as(run.toString()).isEqualTo(puts - entries);
    }

    @Test
    void aCacheWhoseBoundIsNeverReachedIsReportedOnceItGrowsFarPastAnyCacheSize() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.FillingCache", "14", "2147483647", "25000");

        assertThat(run.exitCode).as(run.toString()).isZero();
        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        assertThat(suspects.get(0).get("entries").getAsLong()).isGreaterThan(100_000);
    }

    @Test
    void concurrentHashMapFilledFromSeveralThreadsIsReported() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.ConcurrentRegistry", "16");

        assertThat(run.exitCode).as(run.toString()).isZero();
        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        JsonObject alert = suspects.get(0);
        assertThat(alert.get("site").getAsString())
                .isEqualTo(ForkedJvm.siteOf("com.acme.scenarios.ConcurrentRegistry", "<init>", "new ConcurrentHashMap<>()"));
        assertThat(alert.get("type").getAsString()).isEqualTo("java.util.concurrent.ConcurrentHashMap");
        assertThat(alert.get("inserts").getAsLong()).isGreaterThan(1000);
        assertThat(alert.get("removes").getAsLong()).isZero();
        assertThat(alert.getAsJsonArray("insertedBy").get(0).getAsJsonObject().get("operation").getAsString())
                .isEqualTo("computeIfAbsent");
    }

    @Test
    void mapFilledOnlyByCodeOutsideTheChosenPackagesIsReportedWithItsInsertsCreditedToOtherCode() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.ForeignFilled", "16");

        assertThat(run.exitCode).as(run.toString()).isZero();
        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        JsonObject alert = suspects.get(0);
        assertThat(alert.get("site").getAsString())
                .isEqualTo(ForkedJvm.siteOf("com.acme.scenarios.ForeignFilled", "<init>", "index = new HashMap<>()"));
        assertThat(alert.get("entries").getAsLong()).isGreaterThan(10_000);
        assertThat(alert.get("inserts").getAsLong()).isGreaterThan(10_000); // the counted map counts every insert itself
        JsonObject inserter = alert.getAsJsonArray("insertedBy").get(0).getAsJsonObject();
        assertThat(inserter.get("site").getAsString()).contains("not an instrumented call").contains("outside the chosen packages");
        assertThat(alert.getAsJsonArray("insertedBy")).hasSize(1);
    }

    @Test
    void cacheFilledOnlyByCodeOutsideTheChosenPackagesCountsEachInsertForOtherCode() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.ForeignFilledCache", "14");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertEveryInsertCreditedToOtherCodeAndNoRemove(run);
        assertThat(run.events("leak-suspect").get(0).get("inserts").getAsLong()).as(run.toString()).isGreaterThan(100_000);
    }

    @Test
    void insertsByOtherCodeAfterARemoveOfAnAbsentKeyAreStillCreditedToOtherCode() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.ForeignFilledAfterMisses", "16");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertEveryInsertCreditedToOtherCodeAndNoRemove(run);
    }

    /**
     * As above, from a Java 6 class file: without stack map frames its {@code remove(key)} cannot take
     * the branch that passes the call site into a counted map, so the call is followed by a hook instead.
     */
    @Test
    void insertsByOtherCodeAfterARemoveOfAnAbsentKeyInAJava6ClassAreStillCreditedToOtherCode() throws Exception {
        Path java6 = asJava6ClassFile("com.acme.scenarios.legacy.LegacyIndex");
        ForkedJvm run = ForkedJvm.java().agent(FAST).classpath(java6, ForkedJvm.TEST_CLASSES)
                .main("com.acme.scenarios.LegacyFilledAfterMisses", "16").run();

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stderr).doesNotContain("VerifyError");
        assertEveryInsertCreditedToOtherCodeAndNoRemove(run);
    }

    /** The first leak alert of {@code run} counts no remove and credits every insert to code outside the chosen packages. */
    private static void assertEveryInsertCreditedToOtherCodeAndNoRemove(ForkedJvm run) throws IOException {
        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        JsonObject alert = suspects.get(0);
        assertThat(alert.get("removes").getAsLong()).isZero();
        assertThat(alert.getAsJsonArray("insertedBy")).as(alert.toString()).hasSize(1);
        JsonObject inserter = alert.getAsJsonArray("insertedBy").get(0).getAsJsonObject();
        assertThat(inserter.get("site").getAsString()).contains("not an instrumented call").contains("outside the chosen packages");
    }

    /** {@code type} from the test classes, rewritten as a Java 6 class file (no frames) into a class folder of its own. */
    private static Path asJava6ClassFile(String type) throws IOException {
        String file = type.replace('.', '/') + ".class";
        ClassReader reader = new ClassReader(Files.readAllBytes(ForkedJvm.TEST_CLASSES.resolve(file)));
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(Opcodes.V1_6, access, name, signature, superName, interfaces);
            }
        }, ClassReader.SKIP_FRAMES);
        Path folder = Path.of("target/java6-classes");
        Path rewritten = folder.resolve(file);
        Files.createDirectories(rewritten.getParent());
        Files.write(rewritten, writer.toByteArray());
        assertThat(new ClassReader(Files.readAllBytes(rewritten)).readUnsignedShort(6)).isEqualTo(Opcodes.V1_6);
        return folder;
    }

    @Test
    void cacheThatWarmsUpToAPlateauIsNotReported() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.WarmupPlateau", "16");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
    }

    @Test
    void millionsOfShortLivedMapsAreNotReportedAndAreCollected() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of("-Xmx64m"), "com.acme.scenarios.PerRequestMaps", "14");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).contains("per-request maps done");
        assertThat(run.stderr).doesNotContain("OutOfMemoryError");
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
    }
}
