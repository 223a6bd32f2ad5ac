package io.growthwatch.bootstrap;

/**
 * Initializes every class that hooks and counted maps use, before any hook runs: threads racing into
 * a class initialization would wait on its lock, and a virtual thread waiting there is pinned to its
 * carrier.
 */
final class HookClasses {

    private HookClasses() {
    }

    static void initialize() {
        Class<?>[] used = {Hooks.class, CountedMaps.class, CountedMaps.NoTwin.class, CallSite.class, Tally.class, Tally.Shared.class,
            PendingCall.class, PendingCall.OwnersCall.class, PendingCall.ThreadsCall.class,
            CallCounter.class, AllocSite.class, Admission.class, Epoch.class, TrackedMap.class, InstanceTable.class,
            GcSentinel.class, Faults.class, SiteLocation.class, Registry.class, InsertingCall.class, EldestOverrides.class, Recording.IfAbsent.class,
            Recording.Remapping.class, Recording.Merging.class, TrackedCollector.class, TrackedSupplier.class,
            CountedSets.class, CountedSets.NoAccess.class};
        for (Class<?> type : used) {
            initialize(type.getName(), type.getClassLoader());
        }
        if (CountedMaps.available()) {
            // by their own names: the classes of the instances answer the JDK classes' names to getName()
            for (String twin : new String[] {"java.util.GrowthwatchTrackedHashMap", "java.util.GrowthwatchTrackedLinkedHashMap",
                "java.util.concurrent.GrowthwatchTrackedConcurrentHashMap", "java.util.GrowthwatchTwins",
                "java.util.concurrent.GrowthwatchConcurrentTwins", "java.util.GrowthwatchTrackedHashSet",
                "java.util.GrowthwatchTrackedLinkedHashSet", "java.util.GrowthwatchSets"}) {
                initialize(twin, null);
            }
        }
    }

    private static void initialize(String name, ClassLoader loader) {
        try {
            Class.forName(name, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            Faults.record(e);
        }
    }
}
