package io.growthwatch.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The agent's layout as rules over its compiled classes: data flows one way, from the hooks through
 * snapshots to detection and reporting, and no two packages need each other.
 */
class ArchitectureTest {

    /** The agent's own classes (the counted twins of {@code java.util} included), not its tests or dependencies. */
    private static final JavaClasses AGENT = new ClassFileImporter().importPath(Path.of("target/classes"));

    @Test
    void theHooksUseTheJavaBaseModuleOnly() {
        classes().that().resideInAPackage("io.growthwatch.bootstrap..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jdk.internal.vm.annotation..",
                        "io.growthwatch.bootstrap..")
                .check(AGENT);
    }

    @Test
    void theCountedTwinsUseTheJavaBaseModuleAndTheHooksOnly() {
        classes().that().haveSimpleNameStartingWith("Growthwatch").and().resideInAnyPackage("java.util", "java.util.concurrent")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jdk.internal.misc..",
                        "jdk.internal.vm.annotation..", "io.growthwatch.bootstrap..")
                .check(AGENT);
    }

    @Test
    void detectionAndReportingNeverReachIntoTheHooks() {
        noClasses().that().resideInAnyPackage("io.growthwatch.core.snapshot..", "io.growthwatch.core.detect..",
                        "io.growthwatch.core.report..", "io.growthwatch.core.jmx..", "io.growthwatch.core.jfr..",
                        "io.growthwatch.core.metrics..", "io.growthwatch.core.page..", "io.growthwatch.core.evidence..")
                .should().dependOnClassesThat().resideInAPackage("io.growthwatch.bootstrap..")
                .check(AGENT);
    }

    @Test
    void snapshotsArePlainValues() {
        classes().that().resideInAPackage("io.growthwatch.core.snapshot..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.growthwatch.core.snapshot..")
                .check(AGENT);
    }

    @Test
    void detectionDoesNotKnowItsReporters() {
        noClasses().that().resideInAPackage("io.growthwatch.core.detect..")
                .should().dependOnClassesThat().resideInAnyPackage("io.growthwatch.core.report..", "io.growthwatch.core.jmx..",
                        "io.growthwatch.core.jfr..", "io.growthwatch.core.track..", "io.growthwatch.core.runtime..")
                .check(AGENT);
    }

    @Test
    void onlyTheStartUpPathAndTheMeterReadTheHooks() {
        noClasses().that().resideInAPackage("io.growthwatch.core..")
                .and().resideOutsideOfPackages("io.growthwatch.core", "io.growthwatch.core.runtime..",
                        "io.growthwatch.core.track..", "io.growthwatch.core.instrument..")
                .should().dependOnClassesThat().resideInAPackage("io.growthwatch.bootstrap..")
                .check(AGENT);
    }

    @Test
    void theReportPageReadsEventsNotTheAgentsObjects() {
        classes().that().resideInAPackage("io.growthwatch.core.page..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.google.gson..", "io.growthwatch.core.page..")
                .check(AGENT);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("io.growthwatch.(**)").should().beFreeOfCycles().check(AGENT);
    }
}
