package io.growthwatch.core.instrument;

import org.objectweb.asm.ClassReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class ConstantPoolScanTest {

    private final MapHierarchy hierarchy = new MapHierarchy();
    private final ClassLoader loader = ConstantPoolScanTest.class.getClassLoader();

    private boolean mayRewrite(Class<?> type) throws IOException {
        try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
            return ConstantPoolScan.mayRewrite(new ClassReader(in), loader, hierarchy);
        }
    }

    @Test
    void aClassWithoutMapsIsLeftAlone() throws IOException {
        assertThat(mayRewrite(fixture.scan.NoMaps.class)).isFalse();
    }

    @Test
    void aClassCallingAMapMutationIsRewritten() throws IOException {
        assertThat(mayRewrite(fixture.scan.PutsIntoAMap.class)).isTrue();
    }

    @Test
    void aClassAllocatingAJdkMapIsRewritten() throws IOException {
        assertThat(mayRewrite(fixture.scan.MakesAHashMap.class)).isTrue();
    }

    @Test
    void aClassAllocatingAMapSubclassIsRewritten() throws IOException {
        assertThat(mayRewrite(fixture.scan.MakesACache.class)).isTrue();
    }

    @Test
    void aClassCollectingIntoAMapIsRewritten() throws IOException {
        assertThat(mayRewrite(fixture.scan.CollectsAMap.class)).isTrue();
    }

    @Test
    void aClassCollectingIntoAListIsLeftAlone() throws IOException {
        assertThat(mayRewrite(fixture.scan.CollectsAList.class)).isFalse();
    }

    @Test
    void aClassAddingToASetIsRewritten() throws IOException {
        assertThat(mayRewrite(fixture.scan.AddsToASet.class)).isTrue();
    }

    @Test
    void aClassMakingAKeySetIsRewritten() throws IOException {
        assertThat(mayRewrite(fixture.scan.MakesAKeySet.class)).isTrue();
    }

    @Test
    void aClassAddingToAListOnlyIsLeftAlone() throws IOException {
        assertThat(mayRewrite(fixture.scan.AddsToAList.class)).isFalse();
    }
}
