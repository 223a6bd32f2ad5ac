package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;
import jdk.internal.vm.annotation.Stable;

import java.util.HashMap;
import java.util.Map;

/**
 * Sites and tracked instances, shared by the hooks (writers) and the agent (reader).
 *
 * <p>Site ids index arrays so that a hook reaches its site with one array load. Ids are handed out
 * by the agent at transformation time and stay stable across retransformation of the same class.
 * Allocation sites are kept in a table the JIT may read at compile time ({@code @Stable}, honoured in
 * classes on the boot class path): a hook inlined into a method passes its site id as a constant, so
 * the compiled code holds the site itself and reaches its admission with no load at all.
 */
public final class Registry {

    /** Instances tracked at once, across all sites. */
    public static final int MAX_TRACKED_INSTANCES = 1 << 16;

    /** Allocation or call sites registered at most; classes beyond it are left as they are. */
    public static final int MAX_SITES = 1 << 16;

    private static final InstanceTable INSTANCES = new InstanceTable(MAX_TRACKED_INSTANCES);
    private static final Map<String, Integer> IDS = new HashMap<>();
    private static final Map<String, AllocSite> BY_NAME = new HashMap<>();
    /** Allocation sites per chunk of ids; chunks are made as ids reach them. */
    private static final int CHUNK = 256;

    /**
     * Allocation sites by id: chunk {@code id / CHUNK}, slot {@code id % CHUNK}. Each slot and chunk
     * is written once, under the class lock, while the class whose code uses that id is transformed:
     * its loading (or, for a retransformation, the safepoint that installs the new code) orders the
     * writes before any thread runs that code. A reader that saw null would leave one map untracked;
     * the hooks' errors never reach the application either way.
     */
    @Stable
    private static final AllocSite[][] ALLOC_SITES = new AllocSite[MAX_SITES / CHUNK][];
    private static volatile CallSite[] callSites = new CallSite[64];
    private static int allocCount;
    private static int callCount;

    private Registry() {
    }

    /** The table of tracked instances. */
    public static InstanceTable instances() {
        return INSTANCES;
    }

    /**
     * Returns the id of the allocation site under {@code key}, registering it on first use; -1 when
     * the site cap is reached.
     */
    public static int allocSite(String key, SiteLocation location, String declaredType, String field) {
        return allocSite(key, location, declaredType, field, false);
    }

    /**
     * Names the field that holds what allocation site {@code id} makes, when it was registered without
     * one: a map passed to {@code Collections.newSetFromMap}, whose set is what gets stored.
     */
    public static synchronized void nameField(int id, String field) {
        AllocSite site = allocSite(id);
        if (site != null) {
            site.nameField(field);
        }
    }

    /** The site standing for maps adopted at {@code callSite}, registered on first use; null at the cap. */
    static AllocSite adoptedSite(CallSite callSite, Class<?> type) {
        AllocSite site = allocSite(allocSite("adopted|" + callSite.id(), callSite.location(), type.getName(),
                callSite.receiverField(), true));
        return site;
    }

    private static synchronized int allocSite(String key, SiteLocation location, String declaredType, String field,
                                              boolean adopted) {
        Integer known = IDS.get(key);
        if (known != null) {
            return known;
        }
        if (allocCount + callCount >= MAX_SITES) {
            return -1;
        }
        int id = allocCount++;
        AllocSite[] chunk = ALLOC_SITES[id / CHUNK];
        if (chunk == null) {
            chunk = new AllocSite[CHUNK];
            ALLOC_SITES[id / CHUNK] = chunk;
        }
        AllocSite site = new AllocSite(id, location, declaredType, field, adopted);
        chunk[id % CHUNK] = site;
        AllocSite namesake = BY_NAME.putIfAbsent(location.toString(), site);
        if (namesake != null && !namesake.location().loaderName().equals(location.loaderName())) {
            namesake.markNameShared();
            site.markNameShared();
        }
        IDS.put(key, id);
        return id;
    }

    /** Returns the id of the call site under {@code key}, registering it on first use; -1 at the cap. */
    public static synchronized int callSite(String key, SiteLocation location, String operation, String receiverField) {
        Integer known = IDS.get(key);
        if (known != null) {
            return known;
        }
        if (allocCount + callCount >= MAX_SITES) {
            return -1;
        }
        int id = callCount++;
        CallSite[] sites = callSites;
        if (id >= sites.length) {
            sites = java.util.Arrays.copyOf(sites, sites.length * 2);
        }
        sites[id] = new CallSite(id, location, operation, receiverField);
        callSites = sites;
        IDS.put(key, id);
        return id;
    }

    /** A snapshot of all allocation sites registered so far. */
    public static synchronized AllocSite[] allocSites() {
        AllocSite[] sites = new AllocSite[allocCount];
        for (int id = 0; id < sites.length; id++) {
            sites[id] = ALLOC_SITES[id / CHUNK][id % CHUNK];
        }
        return sites;
    }

    /** A snapshot of all call sites registered so far. */
    public static CallSite[] callSites() {
        CallSite[] sites = callSites;
        int n;
        synchronized (Registry.class) {
            n = callCount;
        }
        return java.util.Arrays.copyOf(sites, n);
    }

    /** The allocation site of {@code id}, or null; for a constant id, a constant of compiled code. */
    @ForceInline
    static AllocSite allocSite(int id) {
        if (id < 0 || id >= MAX_SITES) {
            return null;
        }
        AllocSite[] chunk = ALLOC_SITES[id / CHUNK];
        return chunk == null ? null : chunk[id % CHUNK];
    }

    @ForceInline
    static CallSite callSite(int id) {
        CallSite[] sites = callSites;
        return id >= 0 && id < sites.length ? sites[id] : null;
    }

    /** The call site of {@code id}, or {@link CallSite#OUTSIDE} for any id that names no call site. */
    static CallSite callSiteOrOutside(int id) {
        CallSite site = callSite(id);
        return site != null ? site : CallSite.OUTSIDE;
    }
}
