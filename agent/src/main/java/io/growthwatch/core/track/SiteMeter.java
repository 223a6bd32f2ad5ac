package io.growthwatch.core.track;

import io.growthwatch.bootstrap.AllocSite;
import io.growthwatch.bootstrap.CallCounter;
import io.growthwatch.bootstrap.CallSite;
import io.growthwatch.bootstrap.Registry;
import io.growthwatch.bootstrap.TrackedMap;
import io.growthwatch.core.evidence.UnreadFieldFinder;
import io.growthwatch.core.snapshot.CallSiteCount;
import io.growthwatch.core.snapshot.IntervalSnapshot;
import io.growthwatch.core.snapshot.SiteSnapshot;
import io.growthwatch.core.snapshot.SparseTable;
import io.growthwatch.core.snapshot.UnreadField;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads the hooks' state into one immutable {@link IntervalSnapshot}: per allocation site the live
 * entries, instances and table slots of its countable tracked maps, its counts per call site and the
 * estimated bytes per entry; the maps whose tables are sparse; the heap.
 *
 * <p>Reads only: {@code size()}, the length of the internal table and one entry per site from
 * application maps (never an iteration, never a lock; the entry is measured at once and not kept),
 * and the counters' sums. Instances that are not
 * {@linkplain TrackedMap#countable() countable} yet are left out, so that short-lived maps which are
 * already garbage do not count.
 */
public final class SiteMeter {

    private final TableInspector tables;
    private final HeapModel heap;
    private final UnreadFieldFinder unreadFields;
    private final KeySampler keys;

    /** Per site id: shallow bytes of the key and value of an entry read from one of its maps, the newest. */
    private final Map<Integer, Long> keyValueBytes = new HashMap<>();

    /**
     * Creates a meter reading tables through {@code tables}, estimating entries with {@code heap},
     * naming unread fields of sampled keys and values with {@code unreadFields}, and judging whether a
     * sampled key came back once it has been watched {@code minKeyWatchMillis}.
     */
    public SiteMeter(TableInspector tables, HeapModel heap, UnreadFieldFinder unreadFields, long minKeyWatchMillis) {
        this.tables = tables;
        this.heap = heap;
        this.unreadFields = unreadFields;
        this.keys = new KeySampler(minKeyWatchMillis);
    }

    /** Live entries, instances and table slots of one site. */
    private static final class Totals {
        long entries;
        int instances;
        long estimatedEntries;
        long estimatedInstances;
        long slots;
        boolean slotsKnown = true;
        boolean entrySampled;
    }

    /** Measures every site now; {@code nowMillis} stamps the snapshot. */
    public IntervalSnapshot measure(long nowMillis) {
        Map<AllocSite, Totals> totals = new HashMap<>();
        List<SparseTable> sparse = new ArrayList<>();
        for (AllocSite site : Registry.allocSites()) {
            keys.judge(site.id(), nowMillis);
        }
        Registry.instances().forEachLive(tracked -> add(totals, sparse, tracked, nowMillis));
        List<SiteSnapshot> sites = new ArrayList<>();
        for (AllocSite site : Registry.allocSites()) {
            Totals t = totals.get(site);
            sites.add(snapshot(site, t == null ? new Totals() : t, nowMillis));
        }
        return new IntervalSnapshot(nowMillis, sites, sparse, HeapModel.heapMax(), HeapModel.heapUsedAfterGc(),
                heap.referenceBytes());
    }

    private SiteSnapshot snapshot(AllocSite site, Totals t, long nowMillis) {
        long entries = t.entries;
        long slots = t.instances == 0 || !t.slotsKnown ? -1 : t.slots;
        List<CallSiteCount> counts = new ArrayList<>();
        for (CallCounter c : site.callCounters()) {
            CallSite callSite = c.callSite();
            String where = callSite == null ? CallSiteCount.OTHER_CALL_SITES
                    : callSite.isOutside() ? CallSiteCount.OUTSIDE : callSite.location().toString();
            counts.add(new CallSiteCount(where, callSite == null ? "*" : callSite.operation(), c.inserts(), c.removes()));
        }
        return new SiteSnapshot(site.id(), site.displayName(), site.type(), site.field(), site.allocatedBeforeAttach(),
                entries, t.instances, slots, counts,
                heap.entryBytes(site.type(), site.declaredType(), keyValueBytes.getOrDefault(site.id(), 0L),
                        SiteSnapshot.slotsPerEntry(slots, entries)),
                site.evictsItself(), keys.shape(site.id()), unreadFields(site.id(), nowMillis),
                t.estimatedInstances, t.estimatedEntries);
    }

    /** Unread fields of the classes of the site's latest sampled value and key, the value's first. */
    private List<UnreadField> unreadFields(int siteId, long nowMillis) {
        List<UnreadField> found = new ArrayList<>();
        for (Class<?> type : keys.entryClasses(siteId)) {
            found.addAll(unreadFields.unreadFields(type, nowMillis));
        }
        return found;
    }

    private void add(Map<AllocSite, Totals> totals, List<SparseTable> sparse, TrackedMap tracked, long nowMillis) {
        if (!tracked.countable()) {
            return;
        }
        Object instance = tracked.get();
        if (!(instance instanceof Map<?, ?> map)) {
            return;
        }
        int size;
        try {
            size = map.size();
        } catch (Throwable t) {
            return; // an application subclass whose size() fails is left out of this sample
        }
        int capacity = tables.capacity(instance);
        Totals t = totals.computeIfAbsent(tracked.site(), s -> new Totals());
        if (!t.entrySampled && size > 0) {
            TableInspector.Entry entry = tables.entry(instance, ThreadLocalRandom.current().nextInt());
            if (entry != null) {
                long valueBytes = tracked.site().holdsSets() ? 0 : heap.payloadBytes(entry.value());
                keyValueBytes.put(tracked.site().id(), heap.payloadBytes(entry.key()) + valueBytes);
                keys.sampled(tracked.site().id(), tracked, entry, nowMillis);
                t.entrySampled = true;
            }
        }
        t.entries += size;
        t.instances++;
        t.estimatedEntries += (long) size * tracked.weight();
        t.estimatedInstances += tracked.weight();
        if (capacity < 0) {
            t.slotsKnown = false;
        } else {
            t.slots += capacity;
        }
        if (SparseTable.isSparse(size, capacity)) {
            sparse.add(new SparseTable(tracked.serial(), tracked.site().id(), size, capacity));
        }
    }
}
