package java.util.concurrent;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Makes the counted twins of {@code ConcurrentHashMap}, as {@code java.util.GrowthwatchTwins} does for
 * {@code HashMap}: defined after the classes it refers to, typed without the class of the instances.
 *
 * <p>Also the entry points instrumented call sites use on a twin: a call site that finds its receiver
 * is a twin ({@code Hooks.atUnlessConcurrentTwin}) calls the mutation through one of these, passing its own
 * id, instead of naming itself in the map's per-thread place before its call and the map forgetting it
 * after (the thread-id compares and stores of {@code PendingCall}). Each takes the receiver as an
 * {@code Object} and casts it to the twin's final class, which the caller has just compared it with.
 */
public final class GrowthwatchConcurrentTwins {

    private GrowthwatchConcurrentTwins() {
    }

    /** The twin of {@code original}, a map just constructed: same initial table size and entries. */
    public static <K, V> GrowthwatchConcurrentHashMap<K, V> concurrentHashMap(ConcurrentHashMap<K, V> original) {
        GrowthwatchConcurrentHashMap<K, V> twin = new GrowthwatchTrackedConcurrentHashMap<>();
        twin.copyOf(original);
        return twin;
    }

    /** {@code map.put(key, value)} from instrumented call site {@code callSite}; {@code map} is a twin. */
    public static Object put(Object map, Object key, Object value, int callSite) {
        return twin(map).putFrom(key, value, callSite);
    }

    /** {@code map.putIfAbsent(key, value)} from instrumented call site {@code callSite}. */
    public static Object putIfAbsent(Object map, Object key, Object value, int callSite) {
        return twin(map).putIfAbsentFrom(key, value, callSite);
    }

    /** {@code map.remove(key, value)} from instrumented call site {@code callSite}. */
    public static boolean remove(Object map, Object key, Object value, int callSite) {
        return twin(map).removeFrom(key, value, callSite);
    }

    /** {@code map.computeIfAbsent(key, function)} from instrumented call site {@code callSite}. */
    @SuppressWarnings("unchecked")
    public static Object computeIfAbsent(Object map, Object key, Function<?, ?> function, int callSite) {
        return twin(map).computeIfAbsentFrom(key, (Function<Object, Object>) function, callSite);
    }

    /** {@code map.computeIfPresent(key, function)} from instrumented call site {@code callSite}. */
    @SuppressWarnings("unchecked")
    public static Object computeIfPresent(Object map, Object key, BiFunction<?, ?, ?> function, int callSite) {
        return twin(map).computeIfPresentFrom(key, (BiFunction<Object, Object, Object>) function, callSite);
    }

    /** {@code map.compute(key, function)} from instrumented call site {@code callSite}. */
    @SuppressWarnings("unchecked")
    public static Object compute(Object map, Object key, BiFunction<?, ?, ?> function, int callSite) {
        return twin(map).computeFrom(key, (BiFunction<Object, Object, Object>) function, callSite);
    }

    /** {@code map.merge(key, value, function)} from instrumented call site {@code callSite}. */
    @SuppressWarnings("unchecked")
    public static Object merge(Object map, Object key, Object value, BiFunction<?, ?, ?> function, int callSite) {
        return twin(map).mergeFrom(key, value, (BiFunction<Object, Object, Object>) function, callSite);
    }

    /** {@code map} as the twin's final class: one compare with the class the caller has just compared, which the JIT folds. */
    @SuppressWarnings("unchecked")
    private static GrowthwatchTrackedConcurrentHashMap<Object, Object> twin(Object map) {
        return (GrowthwatchTrackedConcurrentHashMap<Object, Object>) map;
    }
}
