package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.Stable;

/** A place in application code that allocates maps: one {@code new HashMap(...)} expression. */
public final class AllocSite {

    /** Call-site counters kept per allocation site; further call sites share one overflow counter. */
    static final int MAX_CALL_SITES = 32;

    private final int id;
    private final SiteLocation location;
    private final String declaredType;
    private volatile String field; // set at registration, or once later (a map wrapped into a set before it is stored)
    private final boolean adopted;
    @Stable // a constant of compiled code that holds this site as a constant (see Registry)
    private final Admission admission = new Admission();
    private volatile boolean concurrent;
    private volatile boolean evictsItself;
    private volatile boolean set;
    private volatile String runtimeType;
    private volatile boolean nameShared;
    private volatile CallCounter[] counters = new CallCounter[0];
    private volatile CallCounter overflow;

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

    /** Names the field the new maps are stored into, when registration could not: kept once named. */
    void nameField(String name) {
        if (field == null) {
            field = name;
        }
    }

    /** The field the new map is stored into ({@code pkg.Class.name}), or {@code null} if none. */
    public String field() {
        return field;
    }

    /** The runtime class of the application's maps (the JDK class a counted twin stands for), or the declared type before any. */
    public String type() {
        String t = runtimeType;
        return t != null ? t : declaredType;
    }

    /** Decides whether maps allocated here are tracked. */
    Admission admission() {
        return admission;
    }

    /** Maps allocated here since the agent started; see {@link Admission#allocations()}. */
    public long allocations() {
        return admission.allocations();
    }

    /** Whether this site's maps are concurrent maps (known from its first instance). */
    public boolean concurrent() {
        return concurrent;
    }

    /** Whether {@link #observeType} has seen an instance. */
    boolean typeObserved() {
        return runtimeType != null;
    }

    /** Learns the runtime class of this site's maps from one instance, as the application allocated it. */
    void observeType(Object map) {
        Class<?> type = CountedMaps.original(map.getClass());
        concurrent = map instanceof java.util.concurrent.ConcurrentMap
                || map instanceof java.util.Set<?> && CountedSets.ACCESS.backing(map) instanceof java.util.concurrent.ConcurrentMap;
        evictsItself = evictsItself(type);
        set = map instanceof java.util.Set<?>;
        runtimeType = type.getName();
    }

    /** Whether this site allocates sets, tracked through the maps inside them (known from its first instance). */
    public boolean holdsSets() {
        return set;
    }

    /**
     * Whether this site's maps bound themselves: their class is a {@code LinkedHashMap} that overrides
     * {@code removeEldestEntry}, as LRU caches do (known from its first instance).
     */
    public boolean evictsItself() {
        return evictsItself;
    }

    private static boolean evictsItself(Class<?> type) {
        for (Class<?> c = type; c != null && c != java.util.LinkedHashMap.class; c = c.getSuperclass()) {
            if (!java.util.LinkedHashMap.class.isAssignableFrom(c)) {
                return false;
            }
            try {
                c.getDeclaredMethod("removeEldestEntry", java.util.Map.Entry.class);
                return true;
            } catch (NoSuchMethodException | LinkageError | RuntimeException e) {
                // not declared here: look further up
            }
        }
        return false;
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
