package io.growthwatch.core.instrument;

import java.util.Map;
import java.util.Set;

/** The map classes and map methods the agent rewrites, by their internal names and descriptors. */
final class MapTypes {

    /**
     * Classes whose allocations are tracked, with all their subclasses. The hash maps are counted by
     * their twins; the sorted maps, which have none, from their sizes at instrumented call sites.
     */
    static final Set<String> TRACKED = Set.of("java/util/HashMap", "java/util/LinkedHashMap",
            "java/util/concurrent/ConcurrentHashMap", "java/util/TreeMap", "java/util/concurrent/ConcurrentSkipListMap");

    /** JDK receiver types whose mutation calls are rewritten. */
    static final Set<String> RECEIVERS = Set.of("java/util/Map", "java/util/AbstractMap", "java/util/HashMap",
            "java/util/LinkedHashMap", "java/util/concurrent/ConcurrentMap", "java/util/concurrent/ConcurrentHashMap",
            "java/util/SortedMap", "java/util/NavigableMap", "java/util/TreeMap",
            "java/util/concurrent/ConcurrentNavigableMap", "java/util/concurrent/ConcurrentSkipListMap");

    private static final String OBJ = "Ljava/lang/Object;";

    /** Mutation methods: name + descriptor to the operation name reports use. */
    private static final Map<String, String> OPERATIONS = Map.of(
            "put(" + OBJ + OBJ + ")" + OBJ, "put",
            "putIfAbsent(" + OBJ + OBJ + ")" + OBJ, "putIfAbsent",
            "putAll(Ljava/util/Map;)V", "putAll",
            "computeIfAbsent(" + OBJ + "Ljava/util/function/Function;)" + OBJ, "computeIfAbsent",
            "computeIfPresent(" + OBJ + "Ljava/util/function/BiFunction;)" + OBJ, "computeIfPresent",
            "compute(" + OBJ + "Ljava/util/function/BiFunction;)" + OBJ, "compute",
            "merge(" + OBJ + OBJ + "Ljava/util/function/BiFunction;)" + OBJ, "merge",
            "remove(" + OBJ + ")" + OBJ, "remove",
            "remove(" + OBJ + OBJ + ")Z", "remove",
            "clear()V", "clear");

    /** The JDK's class of collectors. */
    static final String COLLECTORS = "java/util/stream/Collectors";

    /** Collectors whose result is a map the agent tracks, with the class of that map unless a factory says otherwise. */
    private static final Map<String, String> COLLECTED = Map.of(
            "toMap", "java/util/HashMap",
            "groupingBy", "java/util/HashMap",
            "groupingByConcurrent", "java/util/concurrent/ConcurrentHashMap",
            "toConcurrentMap", "java/util/concurrent/ConcurrentHashMap");

    private MapTypes() {
    }

    /**
     * The class of the map a call of {@code owner.name} collects into, or null when the call makes no
     * map-collecting collector ({@code toUnmodifiableMap} is left alone: it cannot grow).
     */
    static String collectedMap(String owner, String name, String descriptor) {
        return COLLECTORS.equals(owner) && descriptor.endsWith(")Ljava/util/stream/Collector;") ? COLLECTED.get(name) : null;
    }

    /** The hook for a call to {@code name} with {@code descriptor}, or null if it is not a mutation. */
    static String operation(String name, String descriptor) {
        return OPERATIONS.get(name + descriptor);
    }

    /** Whether a class of this name belongs to the JDK, so its hierarchy need not be read. */
    static boolean isJdk(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/") || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/") || internalName.startsWith("com/sun/");
    }
}
