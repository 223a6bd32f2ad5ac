package io.growthwatch.e2e.compat;

import io.growthwatch.e2e.ForkedJvm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The JDKs the compatibility tests run programs on, whatever JDK runs Maven: Java 17 (the baseline)
 * and Java 25 (the newest LTS). Set {@code growthwatch.java17.home} / {@code growthwatch.java25.home}
 * to override where they are looked for; a test that needs a missing JDK is skipped.
 */
final class Jdks {

    private static final List<String> JAVA17 = List.of("/usr/lib/jvm/java-17-openjdk-amd64", "/usr/lib/jvm/temurin-17-jdk-amd64");
    private static final List<String> JAVA25 = List.of("/usr/lib/jvm/temurin-25-jdk-amd64", "/usr/lib/jvm/java-25-openjdk-amd64");

    private Jdks() {
    }

    /** The home of Java {@code feature} (17 or 25); the test is skipped when it is not installed. */
    static Path home(int feature) {
        Path found = find(feature);
        assumeTrue(found != null, "Java " + feature + " is not installed (set growthwatch.java" + feature + ".home)");
        return found;
    }

    /** The home of Java {@code feature}, or null when it is not installed. */
    static Path find(int feature) {
        String configured = System.getProperty("growthwatch.java" + feature + ".home");
        if (configured != null && !configured.isBlank()) {
            return isJdk(Path.of(configured)) ? Path.of(configured) : null;
        }
        if (Runtime.version().feature() == feature) {
            return Path.of(System.getProperty("java.home"));
        }
        for (String candidate : feature == 17 ? JAVA17 : feature == 25 ? JAVA25 : List.<String>of()) {
            if (isJdk(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    /**
     * Runs, on every installed JDK at once, a program without the agent and then with {@code options}
     * (see {@link ForkedJvm.Builder#agent}); the two runs per feature version, in that order.
     */
    static Map<Integer, List<ForkedJvm>> plainThenWithAgent(String options, Function<Path, ForkedJvm.Builder> program) {
        Map<Integer, List<ForkedJvm>> runs = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int feature : new int[] {17, 25}) {
            Path home = find(feature);
            if (home != null) {
                all.add(CompletableFuture.runAsync(() -> runs.put(feature,
                        List.of(run(program.apply(home)), run(program.apply(home).agent(options))))));
            }
        }
        all.forEach(CompletableFuture::join);
        return runs;
    }

    private static ForkedJvm run(ForkedJvm.Builder builder) {
        try {
            return builder.run();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isJdk(Path home) {
        return Files.isExecutable(home.resolve("bin/java"));
    }
}
