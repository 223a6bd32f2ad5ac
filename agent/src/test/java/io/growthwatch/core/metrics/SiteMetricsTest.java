package io.growthwatch.core.metrics;

import io.growthwatch.core.detect.SiteRow;
import io.growthwatch.core.snapshot.KeyShape;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SiteMetricsTest {

    private static SiteRow row(int id, String status, long entries) {
        return new SiteRow(id, "com.acme.Cache.<init>(Cache.java:" + id + ")", "java.util.HashMap", null, 1, entries, 600,
                entries, 0, status, entries * 100, 3600, KeyShape.UNKNOWN, List.of(), null);
    }

    @Test
    void aSiteThatDropsOutOfTheRowsStopsBeingExported() {
        AtomicReference<List<SiteRow>> rows = new AtomicReference<>(List.of(row(1, "leak-suspect", 10), row(2, "ok", 5)));
        SiteMetrics metrics = new SiteMetrics(rows::get);
        assertThat(dataPoints(metrics.collect(), "growthwatch_site_entries")).isEqualTo(2);

        rows.set(List.of(row(2, "ok", 5)));

        assertThat(dataPoints(metrics.collect(), "growthwatch_site_entries")).isEqualTo(1);
    }

    @Test
    void everyNameIsValidAndListed() {
        MetricSnapshots snapshots = new SiteMetrics(() -> List.of(row(1, "ok", 1))).collect();

        List<String> names = new ArrayList<>();
        for (MetricSnapshot s : snapshots) {
            assertThat(PrometheusNaming.isValidMetricName(s.getMetadata().getName())).isTrue();
            names.add(s.getMetadata().getPrometheusName());
        }
        assertThat(SiteMetrics.NAMES).allSatisfy(n -> assertThat(names).anySatisfy(m -> assertThat(n).startsWith(m)));
    }

    @Test
    void suspectsAreCounted() {
        MetricSnapshots snapshots = new SiteMetrics(() -> List.of(row(1, "leak-suspect", 10), row(2, "leak-suspect", 5),
                row(3, "ok", 1))).collect();

        MetricSnapshot suspects = snapshots.stream().filter(s -> s.getMetadata().getName().equals("growthwatch_leak_suspects"))
                .findFirst().orElseThrow();
        assertThat(((io.prometheus.metrics.model.snapshots.GaugeSnapshot) suspects).getDataPoints().get(0).getValue()).isEqualTo(2);
    }

    private static int dataPoints(MetricSnapshots snapshots, String name) {
        return snapshots.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElseThrow()
                .getDataPoints().size();
    }
}
