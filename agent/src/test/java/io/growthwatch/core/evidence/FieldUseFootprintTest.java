package io.growthwatch.core.evidence;

import org.objectweb.asm.ClassReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The field-use bookkeeping stays within a few hundred KiB for 10,000 classes. */
class FieldUseFootprintTest {

    static final int CLASSES = 10_000;

    /** Budget of the issue: a few hundred KiB for 10,000 instrumented classes. */
    static final long BUDGET_BYTES = 512 * 1024;

    @Test
    void tenThousandRealClassesFitInAFewHundredKibibytes() throws IOException {
        FieldUse use = new FieldUse();
        FieldUseScanner scanner = new FieldUseScanner(use, name -> true); // every class chosen: the worst case
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
        List<Path> classes;
        try (Stream<Path> files = Files.walk(jrt.getPath("/modules"))) {
            classes = files.filter(p -> p.toString().endsWith(".class") && !p.endsWith("module-info.class"))
                    .limit(CLASSES).toList();
        }
        long start = System.nanoTime();
        for (Path c : classes) {
            scanner.scan(new ClassReader(Files.readAllBytes(c)));
        }
        long micros = (System.nanoTime() - start) / 1_000;

        System.out.printf("field use of %d JDK classes: %,d bytes, %d us per class%n", use.classes(),
                use.footprintBytes(), micros / Math.max(1, use.classes()));
        assertThat(use.classes()).isEqualTo(CLASSES);
        assertThat(use.footprintBytes()).isLessThanOrEqualTo(BUDGET_BYTES);
    }
}
