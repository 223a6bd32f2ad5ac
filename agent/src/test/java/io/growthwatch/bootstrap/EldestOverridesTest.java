package io.growthwatch.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Which instrumented {@code removeEldestEntry} override counts the inserts of a cache's class. */
class EldestOverridesTest {

    static class Base extends LinkedHashMap<String, String> {
    }

    static class Refined extends Base {
    }

    static final class Plain extends Refined {
    }

    static class Unnamed extends LinkedHashMap<String, String> {
    }

    static final class UnnamedChild extends Unnamed {
    }

    static class Late extends LinkedHashMap<String, String> {
    }

    static final class LateChild extends Late {
    }

    @Test
    void anOverrideCountsTheInsertsOfItsOwnClass() {
        assertThat(EldestOverrides.countedBy(Unnamed.class, Unnamed.class)).isTrue();
    }

    @Test
    void theMostDerivedInstrumentedOverrideCountsAndTheOnesItCallsThroughSuperDoNot() {
        EldestOverrides.instrumented(Base.class.getName());
        EldestOverrides.instrumented(Refined.class.getName());

        assertThat(EldestOverrides.countedBy(Refined.class, Plain.class)).isTrue();
        assertThat(EldestOverrides.countedBy(Base.class, Plain.class)).isFalse();
        assertThat(EldestOverrides.countedBy(Base.class, Refined.class)).isFalse();
    }

    @Test
    void anOverrideCountsForASubclassWithoutAnInstrumentedOverrideOfItsOwn() {
        assertThat(EldestOverrides.countedBy(Unnamed.class, UnnamedChild.class)).as("no class named: as before").isTrue();
    }

    @Test
    void anOverrideOfAnUnknownClassFileVersionCounts() {
        assertThat(EldestOverrides.countedBy(null, Plain.class)).isTrue();
    }

    @Test
    void aClassNamedAfterAnAnswerWasGivenIsTakenIntoAccount() {
        EldestOverrides.instrumented(Late.class.getName());
        assertThat(EldestOverrides.countedBy(Late.class, LateChild.class)).isTrue();

        EldestOverrides.instrumented(LateChild.class.getName());

        assertThat(EldestOverrides.countedBy(Late.class, LateChild.class)).isFalse();
    }
}
