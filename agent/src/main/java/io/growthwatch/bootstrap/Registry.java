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

    /** Whether hooks do any work; cleared when the agent stops or its sampler dies. */
    static volatile boolean enabled;

    /** Advanced by the agent once per sampling interval; cold call sites look receivers up once per epoch. */
    static volatile int epoch;

    /** Starts a new epoch: called by the agent's sampler every interval. */
    public static void nextEpoch() {
        epoch++;
    }

    /** Whether untracked maps met at call sites are adopted: after a dynamic attach only. */
    static volatile boolean adopting;

    private static final java.util.concurrent.atomic.AtomicBoolean STARTED = new java.util.concurrent.atomic.AtomicBoolean();

    private Registry() {
    }

    /** Claims the single agent instance of this JVM; false when an agent was already started. */
    public static boolean claimStart() {
        return STARTED.compareAndSet(false, true);
    }

    /** Lets hooks count and track from now on, after loading every class the hooks use. */
    public static void enable() {
        initializeHookClasses();
        enabled = true;
    }

    /**
     * Loads and initializes the classes hooks touch, so that no hook ever triggers a class
     * initialization: threads racing into one would wait on its init lock, and a virtual thread
     * waiting there is pinned to its carrier.
     */
    private static void initializeHookClasses() {
        Class<?>[] used = {Hooks.class, CallSite.class, Tally.class, Way.class, Tally.Shared.class, CallCounter.class, AllocSite.class,
            TrackedMap.class, InstanceTable.class, GcSentinel.class, Faults.class, SiteLocation.class,
            Recording.IfAbsent.class, Recording.Remapping.class, Recording.Merging.class};
        for (Class<?> type : used) {
            try {
                Class.forName(type.getName(), true, type.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                Faults.record(e);
            }
        }
    }

    /** Adopts maps allocated before the agent was attached when instrumented code first touches them. */
    public static void adoptPreexisting() {
        adopting = true;
    }

    /** Makes every hook a plain pass-through to the original map operation. */
    public static void disable() {
        enabled = false;
    }

    /** Whether hooks are counting. */
    public static boolean isEnabled() {
        return enabled;
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
}
