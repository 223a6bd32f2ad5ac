package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;

/**
 * The JDK's sets as the agent tracks them: through the map each holds its elements in. A picked
 * {@code HashSet} or {@code LinkedHashSet} keeps its class and gets a counted twin as its map, so it
 * counts every add and remove exactly, whoever makes it; other sets ({@code TreeSet},
 * {@code ConcurrentSkipListSet}, {@code ConcurrentHashMap.newKeySet()}) are tracked through their own
 * map and counted from its sizes at instrumented call sites.
 */
public final class CountedSets {

    /** Reaches the maps inside sets; answers null for every set when it could not be defined. */
    static final SetAccess ACCESS = find();

    /**
     * Whether any set was tracked: until then the hook before a set's {@code add} does nothing else.
     * Volatile so that no compiled loop keeps an old value; on x86 a plain load.
     */
    private static volatile boolean anyTracked;

    private CountedSets() {
    }

    /** Whether sets can be reached in this JVM. */
    public static boolean available() {
        return !(ACCESS instanceof NoAccess);
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
        public Object countable(Object set) {
            return null;
        }
    }
}
