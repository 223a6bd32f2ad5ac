package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;
import jdk.internal.vm.annotation.DontInline;

import java.lang.ref.WeakReference;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** A place in application code that allocates maps: one {@code new HashMap(...)} expression. */
public final class AllocSite {

    /** Live instances of a site that are always tracked before sampling starts. */
    static final int ALWAYS_TRACKED = 64;

    /** Beyond {@link #ALWAYS_TRACKED}, one allocation in this many is tracked. */
    static final int SAMPLE_EVERY = 64;

    /** Call-site counters kept per allocation site; further call sites share one overflow counter. */
    static final int MAX_CALL_SITES = 32;

    private final int id;
    private final SiteLocation location;
    private final String declaredType;
    private final String field;
    private final boolean adopted;
    private long allocations; // racy by design: an approximate count, no atomic instruction per allocation
    private volatile boolean concurrent;
    private final AtomicInteger tracked = new AtomicInteger();
    private volatile String runtimeType;
    private volatile boolean nameShared;
    private volatile CallCounter[] counters = new CallCounter[0];
    private volatile CallCounter overflow;
    private volatile boolean resultsTell;
    private int admittedEpoch; // racy on purpose, as above: admissions are budgeted per epoch, roughly
    private int admittedInEpoch;
    private int saturatedEpoch = -1;
    private volatile WeakReference<Object> sampledKey;
    private volatile WeakReference<Object> sampledValue;

    /**
     * Sampled instances admitted at most per site and sampling interval, beyond the always-tracked
     * ones: a site allocating millions of short-lived maps then costs the garbage collector a few
     * dozen weak references per interval, not a share of its allocation rate.
     */
    static final int SAMPLED_PER_EPOCH = 64;

    AllocSite(int id, SiteLocation location, String declaredType, String field, boolean adopted) {
        this.id = id;
        this.location = location;
        this.declaredType = declaredType;
        this.field = field;
        this.adopted = adopted;
    }

    /**
     * Whether this site stands for maps allocated before the agent was attached, adopted when an
     * instrumented call site first touched them; its location is then that call site's.
     */
    public boolean allocatedBeforeAttach() {
        return adopted;
    }

    /** Identifier of this site, stable for the life of the JVM. */
    public int id() {
        return id;
    }

    /** Where in the source the map is allocated. */
    public SiteLocation location() {
        return location;
    }

    /**
     * The name reports use: the location, followed by the defining class loader's name when another
     * loader defines a class of the same name with a site at the same place (two copies of one class).
     */
    public String displayName() {
        return nameShared ? location + " [loader " + location.loaderName() + "]" : location.toString();
    }

    void markNameShared() {
        nameShared = true;
    }

    /** The class named in the {@code new} expression, as a Java name. */
    public String declaredType() {
        return declaredType;
    }

    /** The field the new map is stored into ({@code pkg.Class.name}), or {@code null} if none. */
    public String field() {
        return field;
    }

    /** The runtime class of the first instance seen, or the declared type before any. */
    public String type() {
        String t = runtimeType;
        return t != null ? t : declaredType;
    }

    /**
     * Maps allocated here since the agent started: exact up to {@link #ALWAYS_TRACKED}, estimated
     * from sampled allocations beyond, and not advanced while the site's sampling budget for the
     * interval is spent (a lower bound then).
     */
    public long allocations() {
        return allocations;
    }

    /** Whether this site's maps are concurrent maps (known from its first instance). */
    public boolean concurrent() {
        return concurrent;
    }

    /** Keys inserted through instrumented call sites into this site's tracked instances. */
    public long inserts() {
        CallCounter overflow = this.overflow;
        long n = overflow == null ? 0 : overflow.inserts();
        for (CallCounter c : counters) {
            n += c.inserts();
        }
        return n;
    }

    /** Keys removed through instrumented call sites from this site's tracked instances. */
    public long removes() {
        CallCounter overflow = this.overflow;
        long n = overflow == null ? 0 : overflow.removes();
        for (CallCounter c : counters) {
            n += c.removes();
        }
        return n;
    }

    /** A snapshot of the per-call-site counters of this site. */
    public CallCounter[] callCounters() {
        CallCounter[] snapshot = counters;
        CallCounter overflow = this.overflow;
        if (overflow == null) {
            return snapshot.clone();
        }
        CallCounter[] withOverflow = java.util.Arrays.copyOf(snapshot, snapshot.length + 1);
        withOverflow[snapshot.length] = overflow;
        return withOverflow;
    }

    /** A recently inserted key, held weakly, or null: measured by the agent to estimate entry sizes. */
    public Object sampledKey() {
        WeakReference<Object> ref = sampledKey;
        return ref == null ? null : ref.get();
    }

    /** A recently inserted value, held weakly, or null. */
    public Object sampledValue() {
        WeakReference<Object> ref = sampledValue;
        return ref == null ? null : ref.get();
    }

    /** Keeps {@code key} and {@code value} (weakly) as this site's entry sample. */
    @DontInline
    void sampleEntry(Object key, Object value) {
        sampledKey = key == null ? null : new WeakReference<>(key);
        sampledValue = value == null ? null : new WeakReference<>(value);
    }

    /**
     * Whether the results of this site's maps' own operations tell inserts and removes: true for the
     * JDK's own {@code HashMap}, {@code LinkedHashMap} and concurrent maps, false for application
     * subclasses that may evict or otherwise act inside a call.
     */
    boolean resultsTell() {
        return resultsTell;
    }

    /** Decides whether a newly allocated instance is tracked, counting the allocation. */
    @ForceInline
    boolean admit(Object map) {
        // A site whose sampling budget for this interval is spent (a busy site of short-lived maps):
        // two loads and a compare, no write.
        return saturatedEpoch != Registry.epoch && admitCounting(map);
    }

    @DontInline
    private boolean admitCounting(Object map) {
        if (runtimeType == null) {
            observeType(map);
        }
        // Busy sites must not write shared fields on every allocation (threads would contend for the
        // cache line): the count is exact up to ALWAYS_TRACKED, then advanced only on sampled ones.
        if (allocations < ALWAYS_TRACKED) {
            allocations++;
        }
        if (tracked.get() < ALWAYS_TRACKED) {
            return true;
        }
        int epoch = Registry.epoch;
        if (ThreadLocalRandom.current().nextInt(SAMPLE_EVERY) != 0) {
            return false;
        }
        allocations += SAMPLE_EVERY;
        if (admittedEpoch != epoch) {
            admittedEpoch = epoch;
            admittedInEpoch = 0;
        }
        if (++admittedInEpoch >= SAMPLED_PER_EPOCH) {
            saturatedEpoch = epoch; // from here on this interval, an allocation costs two loads and a compare
        }
        return true;
    }

    /** Learns the runtime class of this site's maps from one instance. */
    void observeType(Object map) {
        concurrent = map instanceof java.util.concurrent.ConcurrentMap;
        Class<?> type = map.getClass();
        resultsTell = type == java.util.HashMap.class || type == java.util.LinkedHashMap.class || concurrent;
        runtimeType = type.getName();
    }

    void trackedAdded() {
        tracked.incrementAndGet();
    }

    void trackedDropped() {
        tracked.decrementAndGet();
    }

    /** The counter for operations from {@code callSite} on this site's instances. */
    CallCounter counterFor(CallSite callSite) {
        for (CallCounter c : counters) {
            if (c.callSite() == callSite) {
                return c;
            }
        }
        return addCounter(callSite);
    }

    private synchronized CallCounter addCounter(CallSite callSite) {
        CallCounter[] current = counters;
        for (CallCounter c : current) {
            if (c.callSite() == callSite) {
                return c;
            }
        }
        if (current.length >= MAX_CALL_SITES) {
            if (overflow == null) {
                overflow = new CallCounter(this, null);
            }
            return overflow;
        }
        CallCounter created = new CallCounter(this, callSite);
        CallCounter[] grown = java.util.Arrays.copyOf(current, current.length + 1);
        grown[current.length] = created;
        counters = grown;
        return created;
    }
}
