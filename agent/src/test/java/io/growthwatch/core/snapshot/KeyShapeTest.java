package io.growthwatch.core.snapshot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeyShapeTest {

    @Test
    void describesTypeLengthsAndShareNotSeenAgain() {
        assertThat(new KeyShape("String", 32, 36, 20, 1, 10_000).describe())
                .isEqualTo("String, 32-36 chars, 95 % not seen again (19 of 20 sampled keys, each watched 10s)");
    }

    @Test
    void keysOtherThanStringsHaveNoLength() {
        assertThat(new KeyShape("UUID", -1, -1, 4, 4, 500).describe())
                .isEqualTo("UUID, 0 % not seen again (0 of 4 sampled keys, each watched 500ms)");
    }

    @Test
    void watchTimesFromOneSecondOnAreInTenthsOfSeconds() {
        assertThat(new KeyShape("String", 8, 8, 1, 0, 1_002).describe()).endsWith("each watched 1s)");
        assertThat(new KeyShape("String", 8, 8, 1, 0, 2_460).describe()).endsWith("each watched 2.5s)");
    }

    @Test
    void saysWhenReuseIsNotMeasuredYet() {
        assertThat(new KeyShape("String", 8, 8, 0, 0, 0).describe()).isEqualTo("String, 8 chars, reuse not measured yet");
        assertThat(KeyShape.UNKNOWN.describe()).isEqualTo("unknown (no key sampled yet)");
    }
}
