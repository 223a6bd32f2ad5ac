package io.growthwatch.e2e;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** What an alert says beyond counts: the unread field, the shape of the keys, the remedy. */
class EvidenceTest {

    private static final String FAST = "packages=com.acme.scenarios,interval=500ms,report=$REPORT";

    private static ForkedJvm seed;

    /** The seed tracker's run, made once for the tests that read it. */
    private static synchronized ForkedJvm seed() throws Exception {
        if (seed == null) {
            seed = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.SeedTracker", "14");
        }
        return seed;
    }

    private static List<String> unreadFields(JsonObject alert) {
        return StreamSupport.stream(alert.getAsJsonArray("unreadFields").spliterator(), false)
                .map(JsonElement::getAsJsonObject).map(o -> o.get("field").getAsString()).toList();
    }

    @Test
    void seedTrackerNamesItsUnreadLastSeenFirstAndSuggestsExpiringByIt() throws Exception {
        ForkedJvm run = seed();

        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        JsonObject alert = suspects.get(0);
        assertThat(unreadFields(alert)).containsExactly("com.acme.scenarios.SeedTracker$Session.lastSeen",
                "com.acme.scenarios.SeedTracker$Session.firstSeen");
        JsonObject lastSeen = alert.getAsJsonArray("unreadFields").get(0).getAsJsonObject();
        assertThat(lastSeen.get("writtenIn").getAsString()).isEqualTo("SeedTracker.seen");
        assertThat(lastSeen.get("timestamp").getAsBoolean()).isTrue();
        assertThat(alert.get("remedy").getAsString()).startsWith("expire entries by SeedTracker$Session.lastSeen");
        assertThat(run.stderr).contains("unreadFields=\"com.acme.scenarios.SeedTracker$Session.lastSeen (long, written in SeedTracker.seen, read nowhere so far)");
    }

    @Test
    void seedTrackerKeysAreStringsOfTheirLengthsAndNeverSeenAgain() throws Exception {
        ForkedJvm run = seed();

        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        JsonObject keys = suspects.get(0).getAsJsonObject("keys");
        assertThat(keys.get("type").getAsString()).isEqualTo("String");
        assertThat(keys.get("minLength").getAsInt()).isGreaterThanOrEqualTo("client-0".length());
        assertThat(keys.get("maxLength").getAsInt()).isLessThanOrEqualTo("client-99999".length());
        assertThat(keys.get("watched").getAsInt()).isGreaterThanOrEqualTo(10);
        assertThat(keys.get("seenAgain").getAsInt()).isZero();
        assertThat(keys.get("summary").getAsString()).contains("100 % not seen again");
    }

    @Test
    void aReaperThatReadsLastSeenClearsItButTheMapStillNeedsABound() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.LaxReaper", "14");

        List<JsonObject> suspects = run.events("leak-suspect");
        assertThat(suspects).as(run.toString()).isNotEmpty();
        JsonObject alert = suspects.get(0);
        assertThat(unreadFields(alert)).isEmpty();
        assertThat(alert.get("remedy").getAsString()).startsWith("bound the map");
        assertThat(run.stderr).contains("unreadFields=\"none so far\"");
    }

    @Test
    void countersOverAFixedVocabularySeeEveryWatchedKeyAgain() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.Vocabulary", "8");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.events("leak-suspect")).as(run.toString()).isEmpty();
        List<JsonObject> sites = run.lastSummarySites();
        assertThat(sites).as(run.toString()).hasSize(2);
        assertEveryWatchedKeySeenAgain(sites);
        assertThat(sites).extracting(s -> s.getAsJsonObject("keys").get("type").getAsString())
                .containsExactlyInAnyOrder("com.acme.scenarios.Vocabulary$Outcome", "String");
    }

    @Test
    void keysAskedForWithContainsKeyAreSeenAgain() throws Exception {
        ForkedJvm run = ForkedJvm.run(FAST, List.of(), "com.acme.scenarios.KnownIds", "8");

        assertThat(run.exitCode).as(run.toString()).isZero();
        List<JsonObject> sites = run.lastSummarySites();
        assertThat(sites).as(run.toString()).hasSize(2);
        assertEveryWatchedKeySeenAgain(sites);
    }

    /** Each site's keys were watched at least five times, and every watched key came back. */
    private static void assertEveryWatchedKeySeenAgain(List<JsonObject> sites) {
        for (JsonObject site : sites) {
            JsonObject keys = site.getAsJsonObject("keys");
            assertThat(keys.get("watched").getAsInt()).as(site.toString()).isGreaterThanOrEqualTo(5);
            assertThat(keys.get("seenAgain").getAsInt()).as(site.toString()).isEqualTo(keys.get("watched").getAsInt());
        }
    }
}
