package io.growthwatch.core.instrument;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackageFilterTest {

    private final PackageFilter filter = new PackageFilter(List.of("com.acme", "org.shop"), List.of("com.acme.generated"));

    @Test
    void matchesClassesInAChosenPackageAndItsSubpackages() {
        assertThat(filter.matches("com/acme/Tracker")).isTrue();
        assertThat(filter.matches("com/acme/session/Tracker")).isTrue();
        assertThat(filter.matches("org/shop/Cart")).isTrue();
    }

    @Test
    void matchesWholeSegmentsOnly() {
        assertThat(filter.matches("com/acmex/Tracker")).isFalse();
        assertThat(filter.matches("com/Acme")).isFalse();
    }

    @Test
    void excludedPackagesAreLeftAlone() {
        assertThat(filter.matches("com/acme/generated/Stub")).isFalse();
    }

    @Test
    void theAgentsOwnClassesAreNeverInstrumented() {
        PackageFilter everything = new PackageFilter(List.of("io"), List.of());
        assertThat(everything.matches("io/growthwatch/bootstrap/Hooks")).isFalse();
        assertThat(everything.matches("io/growthwatch/core/Installer")).isFalse();
        assertThat(everything.matches("io/other/Thing")).isTrue();
    }

    @Test
    void nullNamesAreRejected() {
        assertThat(filter.matches(null)).isFalse();
    }
}
