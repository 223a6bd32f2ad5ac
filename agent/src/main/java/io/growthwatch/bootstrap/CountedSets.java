package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;

/**
 * The JDK's sets as the agent tracks them: through the map each holds its elements in. A picked
 * {@code HashSet} or {@code LinkedHashSet} is replaced by its counted twin, a set of the same name
 * whose map counts every add and remove exactly, whoever makes it; an application's subclass of them
 * keeps its class and gets a counted map in place of its own; other sets ({@code TreeSet},
 * {@code ConcurrentSkipListSet}, {@code ConcurrentHashMap.newKeySet()}) are tracked through their own
 * map and counted from its sizes at instrumented call sites.
 */
public final class CountedSets {

    /** Reaches the maps inside sets; answers null for every set when it could not be defined. */
    static final SetAccess ACCESS = find();

    /** The twin of {@code HashSet}, or {@link CountedMaps.NoTwin} when the twins could not be defined. */
    static final Class<?> HASH_SET = twin("java.util.GrowthwatchTrackedHashSet");

    /** The twin of {@code LinkedHashSet}, or {@link CountedMaps.NoTwin}. */
    static final Class<?> LINKED_HASH_SET = twin("java.util.GrowthwatchTrackedLinkedHashSet");

    /**
     * Whether any set was tracked: until then the hook before a set's {@code add} does nothing else.
     * Volatile so that no compiled loop keeps an old value; on x86 a plain load.
     */
    private static volatile boolean anyTracked;

    private CountedSets() {
    }

    @ForceInline
    static boolean anyTracked() {
        return anyTracked;
    }

    static void tracked() {
        if (!anyTracked) {
            anyTracked = true;
        }
    }

    private static Class<?> twin(String name) {
        try {
            Class<?> type = Class.forName(name, false, null);
            return Counted.class.isAssignableFrom(type) ? type : CountedMaps.NoTwin.class;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return CountedMaps.NoTwin.class;
        }
    }

    private static SetAccess find() {
        try {
            Object access = Class.forName("java.util.GrowthwatchSets", true, null).getField("ACCESS").get(null);
            return access instanceof SetAccess a ? a : new NoAccess();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return new NoAccess();
        }
    }

    /** Stands for sets that cannot be reached: none is tracked. */
    static final class NoAccess implements SetAccess {
        @Override
        public Object backing(Object set) {
            return null;
        }

        @Override
        public Object twinOf(Object set) {
            return null;
        }

        @Override
        public Object countable(Object set) {
            return null;
        }
    }
}
