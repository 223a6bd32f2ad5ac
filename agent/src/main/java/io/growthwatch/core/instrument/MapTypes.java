package io.growthwatch.core.instrument;

import java.util.Map;
import java.util.Set;

/** The map and set classes and their methods the agent rewrites, by internal names and descriptors. */
final class MapTypes {

    /**
     * Classes whose allocations are tracked, with all their subclasses. The hash maps are counted by
     * their twins; the sorted maps, which have none, from their sizes at instrumented call sites.
     */
    static final Set<String> TRACKED = Set.of("java/util/HashMap", "java/util/LinkedHashMap",
            "java/util/concurrent/ConcurrentHashMap", "java/util/TreeMap", "java/util/concurrent/ConcurrentSkipListMap",
            "java/util/HashSet", "java/util/LinkedHashSet", "java/util/TreeSet", "java/util/concurrent/ConcurrentSkipListSet");

    /** The sets among {@link #TRACKED}: tracked through the map each holds its elements in. */
    static final Set<String> SETS = Set.of("java/util/HashSet", "java/util/LinkedHashSet", "java/util/TreeSet",
            "java/util/concurrent/ConcurrentSkipListSet");

    /** The class of the sets {@code ConcurrentHashMap.newKeySet()} makes. */
    static final String KEY_SET_VIEW = "java/util/concurrent/ConcurrentHashMap$KeySetView";

    /** JDK receiver types whose add and remove calls are rewritten as set mutations. */
    static final Set<String> SET_RECEIVERS = Set.of("java/util/Collection", "java/util/AbstractCollection",
            "java/util/Set", "java/util/AbstractSet", "java/util/SequencedSet", "java/util/HashSet", "java/util/LinkedHashSet",
            "java/util/SortedSet", "java/util/NavigableSet", "java/util/TreeSet", "java/util/concurrent/ConcurrentSkipListSet",
            KEY_SET_VIEW);

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

    /** Set mutation methods: name + descriptor to the operation name reports use. */
    private static final Map<String, String> SET_OPERATIONS = Map.of(
            "add(" + OBJ + ")Z", "add",
            "remove(" + OBJ + ")Z", "remove",
            "addAll(Ljava/util/Collection;)Z", "addAll",
            "removeAll(Ljava/util/Collection;)Z", "removeAll",
            "retainAll(Ljava/util/Collection;)Z", "retainAll",
            "removeIf(Ljava/util/function/Predicate;)Z", "removeIf",
            "clear()V", "clear",
            "pollFirst()" + OBJ, "pollFirst",
            "pollLast()" + OBJ, "pollLast");

    /**
     * Set mutations that change many elements in one call: the call is replaced by a hook of this
     * name that makes it, so that every change it makes counts at its call site.
     */
    private static final Map<String, String> BULK_SET_HOOKS = Map.of(
            "addAll", "addAllTo", "removeAll", "removeAllFrom", "retainAll", "retainAllIn", "removeIf", "removeIfFrom");

    /** The JDK's class of collectors. */
    static final String COLLECTORS = "java/util/stream/Collectors";

    /** Collectors whose result is a map or set the agent tracks, with the class of that map unless a factory says otherwise. */
    private static final Map<String, String> COLLECTED = Map.of(
            "toMap", "java/util/HashMap",
            "groupingBy", "java/util/HashMap",
            "groupingByConcurrent", "java/util/concurrent/ConcurrentHashMap",
            "toConcurrentMap", "java/util/concurrent/ConcurrentHashMap",
            "toSet", "java/util/HashSet");

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

    /** The operation a call to {@code name} with {@code descriptor} makes on a set, or null if it changes no set. */
    static String setOperation(String name, String descriptor) {
        return SET_OPERATIONS.get(name + descriptor);
    }

    /** The hook that makes a bulk set operation in place of its call, or null for an operation on one element. */
    static String bulkSetHook(String operation) {
        return BULK_SET_HOOKS.get(operation);
    }

    /**
     * The class of the set a call of {@code owner.name} makes, for the JDK's static set factories the
     * agent tracks ({@code ConcurrentHashMap.newKeySet()}), or null.
     */
    static String madeSet(String owner, String name, String descriptor) {
        return "java/util/concurrent/ConcurrentHashMap".equals(owner) && "newKeySet".equals(name)
                && descriptor.endsWith(")L" + KEY_SET_VIEW + ";") ? KEY_SET_VIEW : null;
    }

    /** Whether a call of {@code owner.name} wraps the map on the stack into a set ({@code Collections.newSetFromMap}). */
    static boolean wrapsInSet(String owner, String name, String descriptor) {
        return "java/util/Collections".equals(owner) && "newSetFromMap".equals(name)
                && "(Ljava/util/Map;)Ljava/util/Set;".equals(descriptor);
    }

    /** Whether a class of this name belongs to the JDK, so its hierarchy need not be read. */
    static boolean isJdk(String internalName) {
        return internalName.startsWith("java/") || internalName.startsWith("javax/") || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/") || internalName.startsWith("com/sun/");
    }
}
