package io.growthwatch.e2e;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test's text-format parser reads back what the Prometheus Java client's own writer writes. */
class PrometheusTextTest {

    @Test
    void readsBackTheClientsOwnOutputWithEscapedLabelValues() throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        Gauge gauge = Gauge.builder().name("shape_entries").help("help with \\ and\nnewline").labelNames("site").register(registry);
        gauge.labelValues("a \"quoted\" site\\path\nnext").set(42.5);
        gauge.labelValues("plain").set(Double.POSITIVE_INFINITY);
        Counter counter = Counter.builder().name("shape_inserts").help("inserts").register(registry);
        counter.inc(7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());

        PrometheusText parsed = PrometheusText.parse(out.toString(StandardCharsets.UTF_8));

        assertThat(parsed.types).containsEntry("shape_entries", "gauge").containsEntry("shape_inserts_total", "counter");
        assertThat(parsed.named("shape_entries")).anySatisfy(s -> {
            assertThat(s.labels()).containsEntry("site", "a \"quoted\" site\\path\nnext");
            assertThat(s.value()).isEqualTo(42.5);
        });
        assertThat(parsed.named("shape_entries")).anySatisfy(s -> assertThat(s.value()).isInfinite());
        assertThat(parsed.named("shape_inserts_total")).singleElement().satisfies(s -> assertThat(s.value()).isEqualTo(7));
    }

    @Test
    void rejectsWhatIsNotTheFormat() {
        assertThatThrownBy(() -> PrometheusText.parse("metric{label=unquoted} 1\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrometheusText.parse("{} 1\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
