package io.growthwatch.e2e;

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
            "packages=com.acme.scenarios,window=two   | option 'window': 'two' is out of range",
            "packages=com.acme.scenarios,report=/no/such/dir/growth.jsonl | option 'report': '/no/such/dir/growth.jsonl' is in a directory that does not exist"
    })
    void badOptionGivesOneErrorLineAndTheApplicationRunsAsWithoutTheAgent(String options, String expected) throws Exception {
        AgentRun plain = AgentRun.run(null, List.of(), "com.acme.scenarios.PerRequestMaps", "0");
        AgentRun withBadOptions = AgentRun.run(options, List.of(), "com.acme.scenarios.PerRequestMaps", "0");

        assertThat(withBadOptions.exitCode).isEqualTo(plain.exitCode).isZero();
        assertThat(withBadOptions.stdout).isEqualTo(plain.stdout);
        List<String> errorLines = withBadOptions.stderr.lines().toList();
        assertThat(errorLines).hasSize(1);
        assertThat(errorLines.get(0)).startsWith("[growthwatch] ERROR ").contains(expected)
                .contains("the application continues").doesNotContain("Exception");
    }
}
