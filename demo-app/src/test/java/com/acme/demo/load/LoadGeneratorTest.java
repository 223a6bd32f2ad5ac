package com.acme.demo.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.demo.Mode;
import com.acme.demo.http.DemoServer;
import com.acme.demo.session.Tracker;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadGeneratorTest {

    @Test
    void refusesNonLoopbackUrl() {
        assertThatThrownBy(() -> LoopbackUrls.require("http://example.com:8080"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-loopback");
        assertThatThrownBy(() -> new LoadConfig(URI.create("http://10.0.0.1:8080"), Duration.ofSeconds(1),
                100, 1, 0.9, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsLoopbackUrls() {
        assertThat(LoopbackUrls.require("http://127.0.0.1:8080").getPort()).isEqualTo(8080);
        assertThat(LoopbackUrls.require("http://localhost:8080").getHost()).isEqualTo("localhost");
        assertThat(LoopbackUrls.require("http://[::1]:8080").getHost()).isEqualTo("[::1]");
    }

    @Test
    void stopsByItselfAfterMaxRequests() throws Exception {
        Tracker tracker = new Tracker();
        try (DemoServer server = DemoServer.start(0, tracker, Mode.LEAKY)) {
            LoadConfig config = new LoadConfig(URI.create(server.baseUrl()), Duration.ofSeconds(10),
                    0, 2, 1.0, 200);

            LoadResult result = new LoadGenerator(config).run();

            assertThat(result.sent()).isEqualTo(200);
            assertThat(result.ok()).isEqualTo(200);
            assertThat(result.errorsByStatus()).isEmpty();
            assertThat(tracker.size()).isEqualTo(200);
            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void stopsByItselfWhenDurationElapses() throws Exception {
        try (DemoServer server = DemoServer.start(0, new Tracker(), Mode.LEAKY)) {
            LoadConfig config = new LoadConfig(URI.create(server.baseUrl()), Duration.ofMillis(700),
                    200, 2, 0.9, 1_000_000);

            LoadResult result = new LoadGenerator(config).run();

            assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(3));
            assertThat(result.ok()).isBetween(1L, 400L);
        }
    }

    @Test
    void steadyLatenciesLeaveOutTheRequestsSentDuringTheWarmUp() throws Exception {
        LoadResult result = runPaced(Duration.ofMillis(1500), Duration.ofMillis(1000));

        long all = result.latencies().getTotalCount();
        long steady = result.steadyLatencies().getTotalCount();
        assertThat(steady).isPositive().isLessThan(all);
        assertThat(steady).isLessThan(all / 2); // a third of the run is after the warm-up, at an even rate
        assertThat(result.steadyLatencySummary()).hasValueSatisfying(line ->
                assertThat(line).endsWith("requests=" + steady));
    }

    @Test
    void aRunThatEndsWithinItsWarmUpHasNoSteadyLatencies() throws Exception {
        LoadResult result = runPaced(Duration.ofMillis(300), Duration.ofSeconds(30));

        assertThat(result.latencies().getTotalCount()).isPositive();
        assertThat(result.steadyLatencySummary()).isEmpty();
    }

    /** Runs 200 requests/s from two clients against a fresh leaky demo server. */
    private static LoadResult runPaced(Duration duration, Duration warmup) throws Exception {
        try (DemoServer server = DemoServer.start(0, new Tracker(), Mode.LEAKY)) {
            return new LoadGenerator(new LoadConfig(URI.create(server.baseUrl()), duration,
                    200, 2, 0.9, 1_000_000, warmup)).run();
        }
    }

    @Test
    void refusesANegativeWarmUp() {
        assertThatThrownBy(() -> new LoadConfig(URI.create("http://127.0.0.1:8080"), Duration.ofSeconds(1),
                100, 1, 0.9, 10, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warmup");
    }
}
