package java.util;

import io.growthwatch.bootstrap.SetAccess;
import jdk.internal.misc.Unsafe;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Reaches the maps inside the JDK's sets for growthwatch, from inside {@code java.base}: the private
 * fields that hold them are read, and a {@code HashSet}'s written once, through the JDK's internal
 * {@code Unsafe}, at offsets taken once. A field this JDK does not have leaves its sets unreached.
 * Makes the counted twins of {@code HashSet} and {@code LinkedHashSet}; defined after them and after
 * {@link GrowthwatchTwins}.
 */
public final class GrowthwatchSets implements SetAccess {

    /** The one instance, found by the agent by this field's name. */
    public static final GrowthwatchSets ACCESS = new GrowthwatchSets();

    private static final Unsafe U = Unsafe.getUnsafe();
    private static final long HASH_SET_MAP = offset(HashSet.class, "map");
    private static final long TREE_SET_MAP = offset(TreeSet.class, "m");
    private static final long SKIP_LIST_SET_MAP = offset(ConcurrentSkipListSet.class, "m");
    private static final Class<?> SET_FROM_MAP = setFromMap();
    private static final long SET_FROM_MAP_MAP = SET_FROM_MAP == null ? -1 : offset(SET_FROM_MAP, "m");

    private GrowthwatchSets() {
    }

    @Override
    public Object backing(Object set) {
        // the most common sets first: this runs before each add or remove of instrumented code once sets are tracked
        if (set instanceof HashSet<?>) {
            return read(set, HASH_SET_MAP);
        }
        if (set instanceof ConcurrentHashMap.KeySetView<?, ?> view) {
            return view.getMap();
        }
        if (set instanceof TreeSet<?>) {
            return read(set, TREE_SET_MAP);
        }
        if (set instanceof ConcurrentSkipListSet<?>) {
            return read(set, SKIP_LIST_SET_MAP);
        }
        return SET_FROM_MAP != null && SET_FROM_MAP.isInstance(set) ? read(set, SET_FROM_MAP_MAP) : null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object twinOf(Object set) {
        Class<?> type = set.getClass();
        Object map = type == HashSet.class || type == LinkedHashSet.class ? read(set, HASH_SET_MAP) : null;
        if (map == null) {
            return null;
        }
        if (type == HashSet.class && map.getClass() == HashMap.class) {
            return new GrowthwatchTrackedHashSet<>(GrowthwatchTwins.hashMap((HashMap) map));
        }
        if (type == LinkedHashSet.class && map.getClass() == LinkedHashMap.class) {
            return new GrowthwatchTrackedLinkedHashSet<>(GrowthwatchTwins.linkedHashMap((LinkedHashMap) map));
        }
        return null;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object countable(Object set) {
        if (!(set instanceof HashSet<?>) || HASH_SET_MAP < 0) {
            return backing(set);
        }
        Object map = U.getReference(set, HASH_SET_MAP);
        Object twin = map == null ? null
                : map.getClass() == HashMap.class ? GrowthwatchTwins.hashMap((HashMap) map)
                : map.getClass() == LinkedHashMap.class ? GrowthwatchTwins.linkedHashMap((LinkedHashMap) map)
                : map;
        if (twin != map) {
            // the set was just constructed by this thread and is not published yet: a plain write suffices
            U.putReference(set, HASH_SET_MAP, twin);
        }
        return twin;
    }

    private static Object read(Object set, long offset) {
        return offset < 0 ? null : U.getReference(set, offset);
    }

    private static long offset(Class<?> type, String field) {
        try {
            return U.objectFieldOffset(type, field);
        } catch (RuntimeException | InternalError e) {
            return -1;
        }
    }

    private static Class<?> setFromMap() {
        try {
            return Class.forName("java.util.Collections$SetFromMap", false, null);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
