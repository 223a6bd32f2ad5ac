package io.growthwatch.bootstrap;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The counted twins of the JDK's map classes, found once the agent has defined them: which class
 * twins which, and how to make the twin of a map that application code has just constructed.
 *
 * <p>The classes are constants of this class (read when hooks are enabled, after the twins were
 * defined), so that telling a counted map from a plain one costs the JIT a class compare.
 */
public final class CountedMaps {

    /** The twin of {@code HashMap}; {@link NoTwin} when the twins could not be defined. */
    static final Class<?> HASH_MAP = find("java.util.GrowthwatchTrackedHashMap");

    /** The twin of {@code LinkedHashMap}, or {@link NoTwin}. */
    static final Class<?> LINKED_HASH_MAP = find("java.util.GrowthwatchTrackedLinkedHashMap");

    /** The twin of {@code ConcurrentHashMap}, or {@link NoTwin}. */
    static final Class<?> CONCURRENT_HASH_MAP = find("java.util.concurrent.GrowthwatchTrackedConcurrentHashMap");

    /** Stands for a twin that does not exist: no map is an instance of it. */
    static final class NoTwin {
        private NoTwin() {
        }
    }

    // Core reflection, not method handles: these run for picked maps only, and method handles would
    // cost the start-up the set-up of java.lang.invoke.
    private static final Method COPY_HASH_MAP = copier("java.util.GrowthwatchTwins", "hashMap", HashMap.class);
    private static final Method COPY_LINKED_HASH_MAP = copier("java.util.GrowthwatchTwins", "linkedHashMap", LinkedHashMap.class);
    private static final Method COPY_CONCURRENT_HASH_MAP = copier("java.util.concurrent.GrowthwatchConcurrentTwins",
            "concurrentHashMap", ConcurrentHashMap.class);

    private CountedMaps() {
    }

    /** Whether the twins exist in this JVM. */
    public static boolean available() {
        return COPY_HASH_MAP != null && COPY_LINKED_HASH_MAP != null && COPY_CONCURRENT_HASH_MAP != null;
    }

    /** The JDK class a map or set twin stands for, or {@code type} itself when it is not a twin. */
    public static Class<?> original(Class<?> type) {
        if (type == HASH_MAP) {
            return HashMap.class;
        }
        if (type == LINKED_HASH_MAP) {
            return LinkedHashMap.class;
        }
        if (type == CountedSets.HASH_SET) {
            return java.util.HashSet.class;
        }
        if (type == CountedSets.LINKED_HASH_SET) {
            return java.util.LinkedHashSet.class;
        }
        return type == CONCURRENT_HASH_MAP ? ConcurrentHashMap.class : type;
    }

    /**
     * The counted twin of {@code map}, made with its capacity, load factor, order and entries, when
     * {@code map} is exactly a {@code HashMap}, {@code LinkedHashMap} or {@code ConcurrentHashMap};
     * otherwise null (a subclass of the application keeps its own class).
     */
    static Counted twinOf(Object map) throws Throwable {
        Class<?> type = map.getClass();
        Method copier = type == HashMap.class ? COPY_HASH_MAP
                : type == LinkedHashMap.class ? COPY_LINKED_HASH_MAP
                : type == ConcurrentHashMap.class ? COPY_CONCURRENT_HASH_MAP : null;
        try {
            return copier == null ? null : (Counted) copier.invoke(null, map);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Class<?> find(String name) {
        try {
            Class<?> type = Class.forName(name, false, null);
            return Counted.class.isAssignableFrom(type) ? type : NoTwin.class;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return NoTwin.class;
        }
    }

    private static Method copier(String factory, String method, Class<?> original) {
        try {
            return Class.forName(factory, false, null).getMethod(method, original);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return null;
        }
    }
}
