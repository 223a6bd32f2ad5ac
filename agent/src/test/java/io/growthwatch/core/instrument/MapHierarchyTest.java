package io.growthwatch.core.instrument;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MapHierarchyTest {

    /** Serves the test classes' files and records which it was asked for. */
    static final class CountingLoader extends ClassLoader {
        final List<String> reads = new ArrayList<>();

        CountingLoader() {
            super(MapHierarchyTest.class.getClassLoader());
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            reads.add(name);
            return super.getResourceAsStream(name);
        }
    }

    private final MapHierarchy hierarchy = new MapHierarchy();
    private final CountingLoader loader = new CountingLoader();

    @Test
    void aSubclassOfASubclassOfLinkedHashMapIsAMap() {
        assertThat(hierarchy.isTrackedMap(loader, "fixture/scan/NamedCache")).isTrue();
    }

    @Test
    void aClassOutsideTheMapHierarchyIsNoMap() {
        assertThat(hierarchy.isTrackedMap(loader, "fixture/scan/NoMaps")).isFalse();
    }

    @Test
    void sharedSuperclassesAreReadOncePerLoader() {
        hierarchy.isTrackedMap(loader, "fixture/scan/NamedCache");
        hierarchy.isTrackedMap(loader, "fixture/scan/OtherNamedCache");

        assertThat(loader.reads).containsExactly("fixture/scan/NamedCache.class", "fixture/scan/BoundedCache.class",
                "fixture/scan/OtherNamedCache.class");
    }

    @Test
    void aSuperclassLearntFromTheClassBeingTransformedIsNotReadAgain() {
        hierarchy.learn(loader, "fixture/scan/NamedCache", "fixture/scan/BoundedCache");
        hierarchy.learn(loader, "fixture/scan/BoundedCache", "java/util/LinkedHashMap");

        assertThat(hierarchy.isTrackedMap(loader, "fixture/scan/NamedCache")).isTrue();
        assertThat(loader.reads).isEmpty();
    }
}
