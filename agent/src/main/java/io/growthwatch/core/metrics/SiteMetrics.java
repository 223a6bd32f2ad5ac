package io.growthwatch.core.metrics;

import io.growthwatch.core.detect.SiteRow;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

import java.util.List;
import java.util.function.Supplier;

/**
 * The agent's metrics, made at scrape time from the rows of the last interval: per exported site
 * (every suspect and the largest sites) its live entries and instances, inserts and removes, growth,
 * retained bytes, projected time to heap exhaustion and status, labelled by site, map type and owning
 * field; and the number of suspects. A site that drops out of the rows stops being exported.
 */
public final class SiteMetrics implements MultiCollector {

    /** Every metric name, as Prometheus exposes it (counters with {@code _total}). */
    public static final List<String> NAMES = List.of("growthwatch_site_entries", "growthwatch_site_instances",
            "growthwatch_site_inserts_total", "growthwatch_site_removes_total", "growthwatch_site_entry_growth_per_second",
            "growthwatch_site_retained_bytes", "growthwatch_site_heap_exhaustion_seconds", "growthwatch_site_status",
            "growthwatch_leak_suspects");

    private final Supplier<List<SiteRow>> rows;

    /** Exports the rows {@code rows} returns at each scrape. */
    public SiteMetrics(Supplier<List<SiteRow>> rows) {
        this.rows = rows;
    }

    @Override
    public MetricSnapshots collect() {
        List<SiteRow> current = rows.get();
        GaugeSnapshot.Builder entries = GaugeSnapshot.builder().name("growthwatch_site_entries")
                .help("Live entries of the site's tracked maps");
        GaugeSnapshot.Builder instances = GaugeSnapshot.builder().name("growthwatch_site_instances")
                .help("Live tracked maps allocated at the site");
        CounterSnapshot.Builder inserts = CounterSnapshot.builder().name("growthwatch_site_inserts")
                .help("Keys inserted into the site's tracked maps since the agent started");
        CounterSnapshot.Builder removes = CounterSnapshot.builder().name("growthwatch_site_removes")
                .help("Keys removed from the site's tracked maps since the agent started");
        GaugeSnapshot.Builder growth = GaugeSnapshot.builder().name("growthwatch_site_entry_growth_per_second")
                .help("Entries gained per second over the detection window (its robust slope)");
        GaugeSnapshot.Builder retained = GaugeSnapshot.builder().name("growthwatch_site_retained_bytes").unit(Unit.BYTES)
                .help("Estimated heap held by the site's entries");
        GaugeSnapshot.Builder exhaustion = GaugeSnapshot.builder().name("growthwatch_site_heap_exhaustion_seconds")
                .unit(Unit.SECONDS).help("Projected time until the free heap is used up at the site's growth (growing sites only)");
        StateSetSnapshot.Builder status = StateSetSnapshot.builder().name("growthwatch_site_status")
                .help("Status of the site: ok, leak-suspect or oversized");
        int suspects = 0;
        for (SiteRow row : current) {
            Labels labels = Labels.of("site", row.site(), "type", row.type(), "field", row.field() == null ? "" : row.field());
            entries.dataPoint(gauge(labels, row.entries()));
            instances.dataPoint(gauge(labels, row.instances()));
            inserts.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(row.inserts()).build());
            removes.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(row.removes()).build());
            growth.dataPoint(gauge(labels, row.entriesPerMinute() / 60.0));
            retained.dataPoint(gauge(labels, row.retainedBytes()));
            if (row.heapExhaustedInSeconds() >= 0) {
                exhaustion.dataPoint(gauge(labels, row.heapExhaustedInSeconds()));
            }
            StateSetSnapshot.StateSetDataPointSnapshot.Builder state = StateSetSnapshot.StateSetDataPointSnapshot.builder()
                    .labels(labels);
            for (String s : SiteRow.STATUSES) {
                state.state(s, s.equals(row.status()));
            }
            status.dataPoint(state.build());
            if (row.suspect()) {
                suspects++;
            }
        }
        GaugeSnapshot suspectCount = GaugeSnapshot.builder().name("growthwatch_leak_suspects")
                .help("Sites growing like a leak now").dataPoint(gauge(Labels.EMPTY, suspects)).build();
        return MetricSnapshots.of(entries.build(), instances.build(), inserts.build(), removes.build(), growth.build(),
                retained.build(), exhaustion.build(), status.build(), suspectCount);
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot gauge(Labels labels, double value) {
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
