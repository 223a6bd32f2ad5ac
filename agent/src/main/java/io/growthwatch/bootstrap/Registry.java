package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;

import java.util.HashMap;
import java.util.Map;

/**
 * Sites and tracked instances, shared by the hooks (writers) and the agent (reader).
 *
 * <p>Site ids index arrays so that a hook reaches its site with one array load. Ids are handed out
 * by the agent at transformation time and stay stable across retransformation of the same class.
 */
public final class Registry {

    /** Instances tracked at once, across all sites. */
    public static final int MAX_TRACKED_INSTANCES = 1 << 16;

    /** Allocation or call sites registered at most; classes beyond it are left as they are. */
    public static final int MAX_SITES = 1 << 16;

    private static final InstanceTable INSTANCES = new InstanceTable(MAX_TRACKED_INSTANCES);
    private static final Map<String, Integer> IDS = new HashMap<>();
    private static final Map<String, AllocSite> BY_NAME = new HashMap<>();
    private static volatile AllocSite[] allocSites = new AllocSite[64];
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
        AllocSite[] sites = allocSites;
        if (id >= sites.length) {
            sites = java.util.Arrays.copyOf(sites, sites.length * 2);
        }
        AllocSite site = new AllocSite(id, location, declaredType, field, adopted);
        sites[id] = site;
        allocSites = sites;
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
    public static AllocSite[] allocSites() {
        AllocSite[] sites = allocSites;
        int n;
        synchronized (Registry.class) {
            n = allocCount;
        }
        return java.util.Arrays.copyOf(sites, n);
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

    @ForceInline
    static AllocSite allocSite(int id) {
        AllocSite[] sites = allocSites;
        return id >= 0 && id < sites.length ? sites[id] : null;
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
