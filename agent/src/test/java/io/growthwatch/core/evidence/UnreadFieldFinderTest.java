package io.growthwatch.core.evidence;

import fixture.evidence.PathReport;
import fixture.evidence.Visit;
import fixture.evidence.VisitReaper;
import fixture.evidence.Visits;
import io.growthwatch.core.snapshot.UnreadField;
import org.objectweb.asm.ClassReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnreadFieldFinderTest {

    private final FieldUse use = new FieldUse();
    private final FieldUseScanner scanner = new FieldUseScanner(use, name -> name.startsWith("fixture/evidence/"));
    private final UnreadFieldFinder finder = new UnreadFieldFinder(use, name -> name.startsWith("fixture/evidence/"));

    private void load(Class<?>... classes) throws IOException {
        for (Class<?> c : classes) {
            try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
                scanner.scan(new ClassReader(in.readAllBytes()));
            }
        }
    }

    private List<String> unread(long nowMillis) {
        return finder.unreadFields(Visit.class, nowMillis).stream().map(UnreadField::name).toList();
    }

    @Test
    void namesFieldsWrittenButReadNowhereWithTheUpdatedTimestampFirst() throws IOException {
        load(Visit.class, Visits.class);

        assertThat(unread(0)).containsExactly("lastSeen", "firstSeen", "path", "note");
    }

    @Test
    void saysWhereATimestampIsWrittenAfterConstruction() throws IOException {
        load(Visit.class, Visits.class);

        UnreadField lastSeen = finder.unreadFields(Visit.class, 0).get(0);
        assertThat(lastSeen.writtenIn()).isEqualTo("Visits.record");
        assertThat(lastSeen.timestamp()).isTrue();
        assertThat(lastSeen.updated()).isTrue();
        assertThat(lastSeen.describe()).isEqualTo("fixture.evidence.Visit.lastSeen (long, written in Visits.record, read nowhere so far)");
    }

    @Test
    void aFieldReadThroughAGetterSomebodyCallsIsNotNamed() throws IOException {
        load(Visit.class, Visits.class, PathReport.class);

        assertThat(unread(0)).doesNotContain("path").contains("lastSeen");
    }

    @Test
    void aReadInToStringIsNotAUse() throws IOException {
        load(Visit.class, Visits.class);

        assertThat(unread(0)).contains("note");
    }

    @Test
    void aFieldIncrementedInPlaceIsRead() throws IOException {
        load(Visit.class, Visits.class);

        assertThat(unread(0)).doesNotContain("count");
    }

    @Test
    void aReaderLoadedLaterClearsTheFieldOnceTheAnswerIsRefreshed() throws IOException {
        load(Visit.class, Visits.class);
        assertThat(unread(0)).contains("lastSeen");

        load(VisitReaper.class);

        assertThat(unread(1)).as("kept for REFRESH_MILLIS").contains("lastSeen");
        assertThat(unread(UnreadFieldFinder.REFRESH_MILLIS)).doesNotContain("lastSeen");
    }

    @Test
    void classesOutsideTheChosenPackagesAreNotExamined() throws IOException {
        load(Visit.class, Visits.class);

        assertThat(finder.unreadFields(String.class, 0)).isEmpty();
    }

    @Test
    void longsNamedLikeTimesAndTimeTypesAreTimestamps() {
        assertThat(UnreadFieldFinder.isTimestamp("lastSeen", "J")).isTrue();
        assertThat(UnreadFieldFinder.isTimestamp("updatedAt", "J")).isTrue();
        assertThat(UnreadFieldFinder.isTimestamp("expiresAt", "Ljava/lang/Long;")).isTrue();
        assertThat(UnreadFieldFinder.isTimestamp("created", "Ljava/time/Instant;")).isTrue();
        assertThat(UnreadFieldFinder.isTimestamp("hits", "J")).isFalse();
        assertThat(UnreadFieldFinder.isTimestamp("format", "J")).isFalse();
        assertThat(UnreadFieldFinder.isTimestamp("lastSeen", "Ljava/lang/String;")).isFalse();
    }
}
