package io.growthwatch.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad options: one clear line naming the option and what was expected; the application is untouched. */
class BadOptionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "packages=com.acme.scenarios,interval=10x | option 'interval': '10x' is not a duration",
            "interval=1s                              | option 'packages'",
            "packages=com.acme.scenarios,colour=blue  | option 'colour' is unknown",
            "packages=com.acme.scenarios,window=two   | option 'window': 'two' is not a number; expected a whole number from 4 to 10000",
            "packages=com.acme.scenarios,window=2     | option 'window': '2' is out of range",
            "packages=com.acme.scenarios,summary=nope | option 'summary': 'nope' is not a duration; expected a whole number with a unit ms, s, m or h, e.g. 10m, or off",
            "packages=com.acme.scenarios,report=/no/such/dir/growth.jsonl | option 'report': '/no/such/dir/growth.jsonl' is in a directory that does not exist",
            "packages=com.acme.scenarios,metrics=localhost | option 'metrics': 'localhost' has no port number; expected off, a port (loopback only, e.g. 9464) or host:port"
    })
    void badOptionGivesOneErrorLineAndTheApplicationRunsAsWithoutTheAgent(String options, String expected) throws Exception {
        ForkedJvm plain = ForkedJvm.run(null, List.of(), "com.acme.scenarios.PerRequestMaps", "0");
        ForkedJvm withBadOptions = ForkedJvm.run(options, List.of(), "com.acme.scenarios.PerRequestMaps", "0");

        assertThat(withBadOptions.exitCode).isEqualTo(plain.exitCode).isZero();
        assertThat(withBadOptions.stdout).isEqualTo(plain.stdout);
        List<String> errorLines = withBadOptions.stderr.lines().toList();
        assertThat(errorLines).hasSize(1);
        assertThat(errorLines.get(0)).startsWith("[growthwatch] ERROR ").contains(expected)
                .contains("the application continues").doesNotContain("Exception");
    }

    @Test
    void aBadValueFromASystemPropertySaysWhereItCameFrom() throws Exception {
        ForkedJvm run = ForkedJvm.run("packages=com.acme.scenarios", List.of("-Dgrowthwatch.window=abc"),
                "com.acme.scenarios.PerRequestMaps", "0");

        assertThat(run.exitCode).isZero();
        assertThat(run.stderr.strip()).startsWith("[growthwatch] ERROR option 'window' (from system property growthwatch.window): 'abc' is not a number");
    }

    @Test
    void packagesThatMatchNoLoadedClassGetOneWarningNamingTheClosestLoadedPackage() throws Exception {
        ForkedJvm run = ForkedJvm.run("packages=com.acme.scenarois,interval=300ms", List.of(),
                "com.acme.scenarios.PerRequestMaps", "4");

        assertThat(run.exitCode).isZero();
        assertThat(run.stderr.lines().filter(l -> l.contains("WARN")).toList()).singleElement().asString()
                .contains("no loaded class is in the chosen packages").contains("packages=\"com.acme.scenarois\"")
                .contains("closestLoaded=\"com.acme.scenarios\"");
    }

    @Test
    void theFirstIntervalsEndWithAReportOfWhatWasInstrumented() throws Exception {
        ForkedJvm run = ForkedJvm.run("packages=com.acme.scenarios,interval=300ms", List.of(),
                "com.acme.scenarios.PerRequestMaps", "4");

        assertThat(run.stderr).containsPattern("INFO  instrumented classes=\"[1-9]\\d*\" classesInPackages=\"[1-9]\\d*\" allocationSites=\"[1-9]")
                .doesNotContain("WARN");
    }
}
