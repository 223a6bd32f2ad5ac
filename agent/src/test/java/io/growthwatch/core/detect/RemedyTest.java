package io.growthwatch.core.detect;

import io.growthwatch.core.snapshot.KeyShape;
import io.growthwatch.core.snapshot.UnreadField;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RemedyTest {

    private static final KeyShape NEVER_AGAIN = new KeyShape("String", 36, 36, 20, 1, 10_000);
    private static final KeyShape ALWAYS_AGAIN = new KeyShape("String", 5, 9, 20, 20, 10_000);
    private static final UnreadField LAST_SEEN = new UnreadField("com.acme.Session", "lastSeen", "long", "Tracker.seen", true, true);
    private static final UnreadField NOTE = new UnreadField("com.acme.Session", "note", "java.lang.String", "Session.<init>", false, false);

    @Test
    void anUnreadTimestampSaysToExpireEntriesByIt() {
        assertThat(Remedy.forSuspect(List.of(NOTE, LAST_SEEN), NEVER_AGAIN, 100, 0))
                .startsWith("expire entries by Session.lastSeen").contains("expireAfterAccess");
    }

    @Test
    void anUnreadCreationTimeSaysToExpireEntriesByAge() {
        UnreadField created = new UnreadField("com.acme.Session", "createdAt", "java.time.Instant", "Session.<init>", true, false);

        assertThat(Remedy.forSuspect(List.of(created), NEVER_AGAIN, 100, 0))
                .startsWith("expire entries by their age, Session.createdAt").contains("expireAfterWrite");
    }

    @Test
    void keysNeverSeenAgainWithoutRemovesSayToBoundTheMap() {
        assertThat(Remedy.forSuspect(List.of(NOTE), NEVER_AGAIN, 100, 0))
                .startsWith("bound the map").contains("maximumSize").contains("one entry per id");
    }

    @Test
    void keysThatComeBackWithoutRemovesSayNothingRemoves() {
        assertThat(Remedy.forSuspect(List.of(), ALWAYS_AGAIN, 100, 0)).startsWith("nothing removes from this map");
    }

    @Test
    void tooFewWatchedKeysAreNoEvidenceOfOneEntryPerId() {
        KeyShape twoWatched = new KeyShape("String", 36, 36, 2, 0, 10_000);

        assertThat(Remedy.forSuspect(List.of(), twoWatched, 100, 0)).startsWith("nothing removes from this map");
    }

    @Test
    void removesThatLagSayHowFarAndWhereToLook() {
        assertThat(Remedy.forSuspect(List.of(), NEVER_AGAIN, 1_000, 400))
                .startsWith("removes do not keep pace (400 of 1000 inserted keys removed)");
    }

    @Test
    void aSetIsCalledASetInItsRemedy() {
        assertThat(Remedy.noun("java.util.HashSet")).isEqualTo("set");
        assertThat(Remedy.noun("java.util.concurrent.ConcurrentHashMap$KeySetView")).isEqualTo("set");
        assertThat(Remedy.noun("java.util.HashMap")).isEqualTo("map");
        assertThat(Remedy.forSuspect("set", List.of(), ALWAYS_AGAIN, 100, 0)).startsWith("nothing removes from this set");
    }
}
