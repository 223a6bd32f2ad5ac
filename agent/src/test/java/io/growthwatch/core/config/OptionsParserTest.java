package io.growthwatch.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsParserTest {

    @Test
    void packagesAreSeparatedByColons() throws Exception {
        AgentOptions options = OptionsParser.parse("packages=com.acme:org.shop");

        assertThat(options.packages()).containsExactly("com.acme", "org.shop");
    }

    @Test
    void defaultsSuitAProductionService() throws Exception {
        AgentOptions options = OptionsParser.parse("packages=com.acme");

        assertThat(options.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.window()).isEqualTo(20);
        assertThat(options.minGrowth()).isEqualTo(1000);
        assertThat(options.report()).isNull();
        assertThat(options.excludes()).isEmpty();
    }

    @Test
    void durationsTakeMillisecondsSecondsMinutesAndHours() throws Exception {
        assertThat(OptionsParser.parse("packages=a,interval=500ms").interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(OptionsParser.parse("packages=a,interval=10s").interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(OptionsParser.parse("packages=a,interval=1m").interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(OptionsParser.parse("packages=a,summary=2h").summary()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void summaryCanBeSwitchedOff() throws Exception {
        assertThat(OptionsParser.parse("packages=a,summary=off").summary()).isEqualTo(Duration.ZERO);
    }

    @Test
    void jacocoStyleWildcardSuffixIsAccepted() throws Exception {
        assertThat(OptionsParser.parse("packages=com.acme.*").packages()).containsExactly("com.acme");
    }

    @Test
    void missingPackagesIsAnError() {
        assertThatThrownBy(() -> OptionsParser.parse("interval=1s"))
                .hasMessageStartingWith("option 'packages'").hasMessageContaining("is required");
        assertThatThrownBy(() -> OptionsParser.parse(null)).hasMessageStartingWith("option 'packages'");
        assertThatThrownBy(() -> OptionsParser.parse("packages=")).hasMessageStartingWith("option 'packages'");
    }

    @Test
    void unknownKeyIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> OptionsParser.parse("packages=a,colour=blue"))
                .hasMessage("option 'colour' is unknown; expected one of packages, exclude, interval, window, minGrowth, report, summary, oversizedMin, minGrowthBytes, metrics, metricsTopSites, config");
    }

    @Test
    void badDurationNamesOptionValueAndExpectation() {
        assertThatThrownBy(() -> OptionsParser.parse("packages=a,interval=10x"))
                .hasMessage("option 'interval': '10x' is not a duration; expected a whole number with a unit ms, s, m or h, e.g. 10s");
    }

    @Test
    void intervalBelowAHundredMillisecondsIsRejected() {
        assertThatThrownBy(() -> OptionsParser.parse("packages=a,interval=10ms")).hasMessageContaining("at least 100ms");
    }

    @Test
    void badPackageNameIsRejected() {
        assertThatThrownBy(() -> OptionsParser.parse("packages=com..acme")).hasMessageContaining("not a package name");
    }

    @Test
    void keyGivenTwiceIsRejected() {
        assertThatThrownBy(() -> OptionsParser.parse("packages=a,packages=b")).hasMessageContaining("given twice");
    }

    @Test
    void windowMustBeAWholeNumberInRange() {
        assertThatThrownBy(() -> OptionsParser.parse("packages=a,window=3")).hasMessageContaining("from 4 to 10000");
        assertThatThrownBy(() -> OptionsParser.parse("packages=a,window=x")).hasMessageStartingWith("option 'window': 'x'");
    }

    @Test
    void reportInAMissingDirectoryIsRejected(@TempDir Path dir) {
        String missing = dir.resolve("nope/growth.jsonl").toString();
        assertThatThrownBy(() -> OptionsParser.parse("packages=a,report=" + missing))
                .hasMessageContaining("directory that does not exist");
    }

    @Test
    void reportInAnExistingDirectoryIsAccepted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("growth.jsonl");
        assertThat(OptionsParser.parse("packages=a,report=" + file).report()).isEqualTo(file.toAbsolutePath());
    }

    @Test
    void durationsAreFormattedInTheOptionsSyntax() {
        assertThat(AgentOptions.format(Duration.ofMillis(500))).isEqualTo("500ms");
        assertThat(AgentOptions.format(Duration.ofSeconds(10))).isEqualTo("10s");
        assertThat(AgentOptions.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThat(AgentOptions.format(Duration.ofHours(2))).isEqualTo("2h");
    }

    @Test
    void configFileSuppliesSettingsThatOptionsAndSystemPropertiesOverride(@TempDir Path dir) throws Exception {
        Path config = java.nio.file.Files.writeString(dir.resolve("growthwatch.properties"),
                "packages=com.acme\ninterval=30s\nwindow=12\nminGrowth=50\n");
        java.util.Properties system = new java.util.Properties();
        system.setProperty("growthwatch.minGrowth", "70");

        AgentOptions options = OptionsParser.parse("config=" + config + ",window=8", system);

        assertThat(options.packages()).containsExactly("com.acme");
        assertThat(options.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.window()).isEqualTo(8);
        assertThat(options.minGrowth()).isEqualTo(70);
    }

    @Test
    void badValueInConfigFileIsReportedLikeAnOptionNamingTheFile(@TempDir Path dir) throws Exception {
        Path config = java.nio.file.Files.writeString(dir.resolve("g.properties"), "packages=com.acme\ninterval=soon\n");

        assertThatThrownBy(() -> OptionsParser.parse("config=" + config, new java.util.Properties()))
                .hasMessageStartingWith("option 'interval' (in config file " + config + "): 'soon' is not a duration");
    }

    @Test
    void aValueGivenOnTheCommandLineOverTheConfigFileIsNotBlamedOnTheFile(@TempDir Path dir) throws Exception {
        Path config = java.nio.file.Files.writeString(dir.resolve("g.properties"), "packages=com.acme\ninterval=10s\n");

        assertThatThrownBy(() -> OptionsParser.parse("config=" + config + ",interval=soon", new java.util.Properties()))
                .hasMessageStartingWith("option 'interval': 'soon' is not a duration");
    }

    @Test
    void aBadSystemPropertySaysSo() {
        java.util.Properties system = new java.util.Properties();
        system.setProperty("growthwatch.window", "abc");
        assertThatThrownBy(() -> OptionsParser.parse("packages=com.acme", system))
                .hasMessageStartingWith("option 'window' (from system property growthwatch.window): 'abc' is not a number");
    }

    @Test
    void relativeReportAndConfigPathsAreMadeAbsoluteForAttach() {
        assertThat(OptionsParser.withAbsolutePaths("packages=com.acme,report=g.jsonl,config=etc/g.properties,interval=1s",
                Path.of("/home/me")))
                .isEqualTo("packages=com.acme,report=/home/me/g.jsonl,config=/home/me/etc/g.properties,interval=1s");
        assertThat(OptionsParser.withAbsolutePaths("packages=com.acme,report=/var/g.jsonl", Path.of("/home/me")))
                .isEqualTo("packages=com.acme,report=/var/g.jsonl");
    }

    @Test
    void unknownKeyInConfigFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path config = java.nio.file.Files.writeString(dir.resolve("g.properties"), "packages=com.acme\ncolour=red\n");

        assertThatThrownBy(() -> OptionsParser.parse("config=" + config, new java.util.Properties()))
                .hasMessageContaining("option 'colour' in config file '" + config + "' is unknown");
    }

    @Test
    void missingConfigFileIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> OptionsParser.parse("config=" + dir.resolve("none.properties"), new java.util.Properties()))
                .hasMessageStartingWith("option 'config'").hasMessageContaining("is not a readable file");
    }

    @Test
    void systemPropertiesThatAreNotOptionsAreLeftToTheirOwners() throws Exception {
        java.util.Properties system = new java.util.Properties();
        system.setProperty("growthwatch.agent.jar", "/opt/growthwatch-agent.jar");
        system.setProperty("growthwatch.interval", "2s");

        AgentOptions options = OptionsParser.parse("packages=a", system);

        assertThat(options.interval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void metricsIsOffByDefault() throws OptionException {
        assertThat(OptionsParser.parse("packages=a").metrics()).isNull();
    }

    @Test
    void metricsGivenAPortListensOnLoopbackOnly() throws OptionException {
        assertThat(OptionsParser.parse("packages=a,metrics=9464").metrics())
                .isEqualTo(new AgentOptions.MetricsAddress("127.0.0.1", 9464));
    }

    @Test
    void metricsGivenAHostAndPortListensThere() throws OptionException {
        assertThat(OptionsParser.parse("packages=a,metrics=0.0.0.0:9464").metrics())
                .isEqualTo(new AgentOptions.MetricsAddress("0.0.0.0", 9464));
        assertThat(OptionsParser.parse("packages=a,metrics=[::1]:9464").metrics())
                .isEqualTo(new AgentOptions.MetricsAddress("::1", 9464));
    }

    @Test
    void metricsWithoutAPortIsAnErrorSayingWhatIsExpected() {
        assertThatThrownBy(() -> OptionsParser.parse("packages=a,metrics=localhost"))
                .hasMessage("option 'metrics': 'localhost' has no port number; expected off, a port (loopback only, e.g. 9464)"
                        + " or host:port (e.g. 0.0.0.0:9464 for every interface)");
        assertThatThrownBy(() -> OptionsParser.parse("packages=a,metrics=70000"))
                .hasMessageStartingWith("option 'metrics': '70000' has a port out of range");
    }
}
