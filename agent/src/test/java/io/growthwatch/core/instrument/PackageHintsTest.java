package io.growthwatch.core.instrument;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackageHintsTest {

    private static final List<String> LOADED = List.of("com.example.shop", "com.example.shop.web", "org.springframework.web",
            "com.fasterxml.jackson.core");

    @Test
    void aTypoIsAnsweredWithTheLoadedPackageItMeant() {
        assertThat(PackageHints.closest(List.of("com.exmaple"), LOADED, 3)).containsExactly("com.example");
    }

    @Test
    void deeperPackagesAreComparedAtTheSameDepth() {
        assertThat(PackageHints.closest(List.of("com.example.shp"), LOADED, 3)).containsExactly("com.example.shop");
    }

    @Test
    void somethingUnrelatedGetsNoHint() {
        assertThat(PackageHints.closest(List.of("net.acme"), LOADED, 3)).isEmpty();
    }

    @Test
    void aCorrectPrefixIsNoHint() {
        assertThat(PackageHints.closest(List.of("com.example"), LOADED, 3)).isEmpty();
    }
}
