package io.growthwatch.e2e.compat;

import io.growthwatch.e2e.ForkedJvm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How HotSpot compiles the hooks the agent puts before map and set calls, read from its own report
 * ({@code PrintInlining}, C2 only) on a program that changes every kind of counted map and set
 * through the same call sites ({@code com.acme.compat.jit.EveryTwin}), as a service does. Each
 * hook's call naming the call site to a counted twin must be bound to that twin's own method: a
 * call shared by the twins would, once it met three of them, be dispatched through their common
 * interface at every call site of the JVM (measured: +9 to +13 ns per put+get+remove step). A
 * {@code ConcurrentHashMap} twin is called through the twin branch of the call site instead, its
 * call site passed as an argument, and so is every twin's {@code remove(key)} (no hook after the
 * call): that path must be inlined down to the twin's own method too.
 */
class JitShapeTest {

    private static final List<String> TWINS = List.of("java.util.GrowthwatchHashMap::calledFrom",
            "java.util.GrowthwatchLinkedHashMap::calledFrom", "java.util.concurrent.GrowthwatchConcurrentHashMap::putFrom",
            "java.util.concurrent.GrowthwatchConcurrentHashMap::removeFrom",
            "java.util.GrowthwatchHashMap::removeFrom", "java.util.GrowthwatchLinkedHashMap::removeFrom",
            "java.util.GrowthwatchHashMap::removedNode", "java.util.GrowthwatchLinkedHashMap::removedNode",
            "java.util.GrowthwatchHashSet::calledFrom", "java.util.GrowthwatchLinkedHashSet::calledFrom");

    /** The twins' methods that {@code io.growthwatch.bootstrap.Hooks} calls once it has found the twin's class. */
    private static final List<String> HOOKED_TWINS = List.of("java.util.GrowthwatchHashMap::calledFrom",
            "java.util.GrowthwatchLinkedHashMap::calledFrom", "java.util.GrowthwatchHashMap::removeFrom",
            "java.util.GrowthwatchLinkedHashMap::removeFrom", "java.util.concurrent.GrowthwatchConcurrentHashMap::removeFrom",
            "java.util.GrowthwatchHashSet::calledFrom", "java.util.GrowthwatchLinkedHashSet::calledFrom");

    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 25})
    void hooksCallEveryTwinDirectlyWhenAProgramUsesThemAll(int feature) throws IOException, InterruptedException {
        ForkedJvm run = everyTwinCompiled(feature);

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).contains("removed 9997440", "java.util.HashMap size 512", "java.util.LinkedHashSet size 512");
        List<String> inlining = run.stdout.lines().filter(line -> line.contains("::")).toList();
        assertThat(inlining).as(run.stdout).anyMatch(line -> line.contains("io.growthwatch.bootstrap.Hooks::named"));
        for (String twin : TWINS) {
            assertThat(inlining).as(run.stdout).anyMatch(line -> line.contains(twin) && inlined(line));
        }
        assertThat(inlining).as(run.stdout).noneMatch(line -> line.contains("io.growthwatch.bootstrap.Counted::"));
        assertThat(inlining).as(run.stdout).noneMatch(line -> line.contains("io.growthwatch.bootstrap.Hooks::removeReturned"));
    }

    /**
     * The hooks tell a twin by comparing the receiver's class with the twin's, so that within that
     * branch C2 knows the receiver's exact class and calls the twin's method with no type check of
     * its own: no {@code TypeProfile} under the call in the report (measured on Java 25: a tracked
     * {@code HashMap}'s put+get+remove step 1.9 ns faster than with {@code Class.isInstance}, after
     * which C2 checked the class again against the call's profile; Java 17's C2 binds these calls
     * either way, so there only the Java 25 case fails on the hooks written with {@code isInstance}).
     */
    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 25})
    void hooksCallTheTwinTheyFoundWithoutCheckingItsClassAgain(int feature) throws IOException, InterruptedException {
        ForkedJvm run = everyTwinCompiled(feature);

        assertThat(run.exitCode).as(run.toString()).isZero();
        List<String> inlining = run.stdout.lines().filter(line -> line.contains("::") || line.contains("TypeProfile")).toList();
        for (String twin : HOOKED_TWINS) {
            assertThat(inlining).as(run.stdout).anyMatch(line -> line.contains(twin));
            for (int i = 0; i < inlining.size(); i++) {
                String line = inlining.get(i);
                if (line.contains(twin)) { // Java 17 reports the profile on the next line, Java 25 on the same
                    assertThat(line.substring(line.indexOf(twin))).as(run.stdout).doesNotContain("TypeProfile");
                    if (i + 1 < inlining.size() && !inlining.get(i + 1).contains("::")) {
                        assertThat(inlining.get(i + 1)).as(run.stdout).doesNotContain("TypeProfile");
                    }
                }
            }
        }
    }

    /**
     * A call site in the chosen packages calls a map that is exactly a {@code HashMap} (one sampling
     * left out) as the code did without the agent: C2 knows its exact class there, so within the
     * {@code putVal} it inlines (Java 25) the calls of methods that {@code LinkedHashMap} and the
     * twins override ({@code newNode}, {@code afterNodeInsertion}) are bound and inlined, not virtual
     * calls (measured on Java 25 without it: a short-lived map with 4 puts and 2 gets +10 ns). Fails
     * on Java 25 with a call site that only calls the hook before its call.
     */
    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 25})
    void aPlainHashMapIsCalledAsExactlyAHashMap(int feature) throws IOException, InterruptedException {
        ForkedJvm run = compiledWithReport(feature, "com.acme.compat.jit", "com.acme.compat.jit.PerRequestMap::request", "3000000",
                // put and putVal inlined whatever got compiled first (Java 17 would call them), so that the report shows their calls
                "-XX:CompileCommand=inline,java.util.HashMap::put", "-XX:CompileCommand=inline,java.util.HashMap::putVal");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).contains("entries 12000000");
        List<String> inlining = run.stdout.lines().filter(line -> line.contains("::")).toList();
        // the first put of the report is the call site's branch for an exact HashMap (emitted first), with its callees below it
        int put = indexOf(inlining, "java.util.HashMap::put ");
        assertThat(put).as(run.stdout).isNotNegative();
        List<String> callees = calleesOf(inlining, put);
        assertThat(callees).as(run.stdout).anyMatch(line -> line.contains("java.util.HashMap::afterNodeInsertion ") && line.contains("inline (hot)"));
        assertThat(callees).as(run.stdout).anyMatch(line -> line.contains("java.util.HashMap::newNode ") && line.contains("inline (hot)"));
        assertThat(callees).as(run.stdout).noneMatch(line -> line.contains("virtual call"));
    }

    private static int indexOf(List<String> report, String call) {
        for (int i = 0; i < report.size(); i++) {
            if (report.get(i).contains(call)) {
                return i;
            }
        }
        return -1;
    }

    /** The lines below line {@code call} of the report that are indented deeper: what that call inlined. */
    private static List<String> calleesOf(List<String> report, int call) {
        int depth = report.get(call).indexOf('@');
        int end = call + 1;
        while (end < report.size() && report.get(end).indexOf('@') > depth) {
            end++;
        }
        return report.subList(call + 1, end);
    }

    /**
     * The agent's twins of {@code HashMap} and {@code LinkedHashMap}, defined at start-up whatever the
     * packages, must not override the {@code HashMap} methods a {@code HashSet} calls on its backing
     * map: while nothing overrides them, the JIT binds those calls, shared by every set of the JVM,
     * without a type check (class hierarchy analysis); one override and they are dispatched on the
     * receiver's class seen so far (a {@code TypeProfile} under the call in the report), which a
     * service's many maps make megamorphic.
     */
    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 25})
    void setsOutsideTheChosenPackagesCallTheirMapsWithoutATypeCheck(int feature) throws IOException, InterruptedException {
        ForkedJvm run = compiledWithReport(feature, "org.nomatch", "com.acme.compat.jit.PlainSets::step", "2000000",
                // inlined whatever got compiled first, so that the report always shows the three calls
                "-XX:CompileCommand=inline,java.util.HashSet::*", "-XX:CompileCommand=inline,java.util.HashMap::put",
                "-XX:CompileCommand=inline,java.util.HashMap::remove", "-XX:CompileCommand=inline,java.util.HashMap::containsKey");

        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.stdout).contains("hits 7997952 sizes 512 512");
        List<String> inlining = run.stdout.lines().filter(line -> line.contains("::") || line.contains("TypeProfile")).toList();
        for (String method : List.of("put", "containsKey", "remove")) {
            String call = "java.util.HashMap::" + method + " ";
            assertThat(inlining).as(run.stdout).anyMatch(line -> line.contains(call));
            for (int i = 0; i < inlining.size(); i++) {
                String line = inlining.get(i);
                if (line.contains(call)) { // Java 17 reports the profile on the next line, Java 25 on the same
                    assertThat(line.substring(line.indexOf(call))).as(run.stdout).doesNotContain("TypeProfile");
                    if (i + 1 < inlining.size()) {
                        assertThat(inlining.get(i + 1)).as(run.stdout).doesNotContain("TypeProfile");
                    }
                }
            }
        }
    }

    /** The runs of {@link #everyTwinCompiled} so far, by Java feature release: two tests read the same run. */
    private static final java.util.Map<Integer, ForkedJvm> EVERY_TWIN_RUNS = new java.util.HashMap<>();

    /**
     * {@code EveryTwin} run with the agent tracking its package, C2's inlining report of its step on
     * standard output; run once per JDK and shared by the tests that read it.
     */
    private static synchronized ForkedJvm everyTwinCompiled(int feature) throws IOException, InterruptedException {
        ForkedJvm run = EVERY_TWIN_RUNS.get(feature);
        if (run == null) {
            run = compiledWithReport(feature, "com.acme.compat.jit", "com.acme.compat.jit.EveryTwin::step", "2000000");
            EVERY_TWIN_RUNS.put(feature, run);
        }
        return run;
    }

    /**
     * Runs the program whose method is {@code reported} ({@code Class::method}) on Java {@code feature}
     * with the agent choosing {@code packages}, C2 only, printing C2's inlining report of that method;
     * {@code compileCommands} are further {@code -XX:CompileCommand} options.
     */
    private static ForkedJvm compiledWithReport(int feature, String packages, String reported, String argument,
                                                String... compileCommands) throws IOException, InterruptedException {
        List<String> options = new java.util.ArrayList<>(List.of("-XX:-TieredCompilation", "-XX:+UnlockDiagnosticVMOptions",
                "-XX:CompileCommand=quiet"));
        options.addAll(List.of(compileCommands));
        options.add("-XX:CompileCommand=option," + reported + ",PrintInlining");
        return ForkedJvm.java().jdk(Jdks.home(feature)).jvmArgs(options.toArray(String[]::new))
                .agent("packages=" + packages).classpath(ForkedJvm.TEST_CLASSES)
                .main(reported.substring(0, reported.indexOf("::")), argument).timeout(Duration.ofSeconds(120)).run();
    }

    /** Whether a line of the report says the method was inlined: HotSpot says "accessor" for one that only reads or writes a field. */
    private static boolean inlined(String line) {
        return line.contains("inline") || line.contains("accessor");
    }
}
