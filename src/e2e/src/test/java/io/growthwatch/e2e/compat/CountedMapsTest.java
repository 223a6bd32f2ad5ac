package io.growthwatch.e2e.compat;

import io.growthwatch.e2e.ForkedJvm;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maps the agent tracks are its counted twins of {@code HashMap}, {@code LinkedHashMap} and
 * {@code ConcurrentHashMap}, and the hash sets it tracks hold such a twin; what code can see of them
 * is what it sees without the agent:
 * {@code com.acme.compat.twins.WhatUsersSee} prints class names, contents, clones, serialized bytes
 * (so a JVM without the agent reads the same objects), reflective instantiation and calls, on Java
 * 17 and 25.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountedMapsTest {

    private Map<Integer, List<ForkedJvm>> runs;

    @BeforeAll
    void runOnEveryJdk() {
        runs = Jdks.plainThenWithAgent("packages=com.acme.compat.twins,interval=200ms,report=$REPORT",
                home -> ForkedJvm.java().jdk(home).classpath(ForkedJvm.TEST_CLASSES)
                        .main("com.acme.compat.twins.WhatUsersSee", BytecodeValidityTest.LINGER_SECONDS));
    }

    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 25})
    void trackedMapsLookPrintCloneAndSerializeAsTheJdksOwn(int feature) {
        Jdks.home(feature);
        ForkedJvm plain = runs.get(feature).get(0);
        ForkedJvm withAgent = runs.get(feature).get(1);
        assertThat(plain.exitCode).as(plain.toString()).isZero();
        assertThat(plain.stdout).contains("hash-map class=java.util.HashMap").contains("serialized=").contains("done");
        assertThat(withAgent.exitCode).as(withAgent.toString()).isZero();
        assertThat(withAgent.stdout).isEqualTo(plain.stdout);
        // with class data sharing on, as by default: nothing but the agent's own lines on standard error
        assertThat(withAgent.stderrWithoutAgentLines()).as(withAgent.toString()).isEqualTo(plain.stderr);
        // and no error of the agent's own while it made twins of many maps (reflection included)
        assertThat(withAgent.stderr).contains("INFO  started").doesNotContain("errors inside growthwatch hooks");
    }

    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 25})
    void theMapsWereTrackedAndCountedWhileDoingSo(int feature) throws IOException {
        Jdks.home(feature);
        ForkedJvm withAgent = runs.get(feature).get(1);
        for (String field : List.of("byName", "recent", "shared")) {
            assertThat(siteOfField(withAgent, field).get("inserts").getAsLong()).as(field).isEqualTo(41); // 40 puts and a reflective one
        }
    }

    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 25})
    void hashSetsCountEveryAddThroughTheTwinOfTheirMap(int feature) throws IOException {
        Jdks.home(feature);
        ForkedJvm withAgent = runs.get(feature).get(1);
        for (String field : List.of("ids", "ordered")) {
            assertThat(siteOfField(withAgent, field).get("inserts").getAsLong()).as(field).isEqualTo(41); // 40 adds and a reflective one
        }
    }

    /** The last summary's row of the site whose maps are stored into {@code WhatUsersSee.field}. */
    private static JsonObject siteOfField(ForkedJvm withAgent, String field) throws IOException {
        return withAgent.lastSummarySites().stream().filter(s -> s.has("field")
                        && s.get("field").getAsString().equals("com.acme.compat.twins.WhatUsersSee." + field)).findFirst()
                .orElseThrow(() -> new AssertionError("no site for " + field + " in " + withAgent));
    }
}
