package io.growthwatch.bootstrap;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Static methods that instrumented code calls in place of map mutations and after map allocations.
 *
 * <p>Each mutation hook performs exactly the original call on the original receiver, with the
 * original arguments, and returns its result or lets its exception propagate; the agent's own
 * bookkeeping around it is guarded so that a fault of ours never reaches the application. An
 * untracked receiver costs one array load, one field load and, when it is not the receiver this call
 * site saw last, one lookup in the instance table.
 *
 * <p>Inserts and removes are counted per call site from the operation's result (exact on concurrent
 * maps) and, on maps that are not concurrent, from {@code size()} before and after, which also sees
 * removals the call itself causes, such as an LRU eviction inside {@code put}.
 */
public final class Hooks {

    private Hooks() {
    }

    /** Called right after a map was constructed at allocation site {@code siteId}. */
    public static void allocated(Object map, int siteId) {
        if (!Registry.enabled) {
            return;
        }
        try {
            Faults.maybeInject();
            AllocSite site = Registry.allocSite(siteId);
            if (site != null && site.admit(map)) {
                Registry.instances().add(map, site);
            }
        } catch (Throwable t) {
            Faults.record(t);
        }
    }

    /** {@link Map#put}. */
    public static Object put(Map<Object, Object> map, Object key, Object value, int callSite) {
        CallCounter counter = counter(map, callSite);
        if (counter == null) {
            return map.put(key, value);
        }
        int before = sizeUnlessConcurrent(counter, map);
        Object previous = map.put(key, value);
        recordInsert(counter, map, before, previous == null, key, value);
        return previous;
    }

    /** {@link Map#putIfAbsent}. */
    public static Object putIfAbsent(Map<Object, Object> map, Object key, Object value, int callSite) {
        CallCounter counter = counter(map, callSite);
        if (counter == null) {
            return map.putIfAbsent(key, value);
        }
        int before = sizeUnlessConcurrent(counter, map);
        Object previous = map.putIfAbsent(key, value);
        recordInsert(counter, map, before, previous == null, key, value);
        return previous;
    }

    /** {@link Map#putAll}. */
    public static void putAll(Map<Object, Object> map, Map<Object, Object> source, int callSite) {
        CallCounter counter = counter(map, callSite);
        if (counter == null) {
            map.putAll(source);
            return;
        }
        int before = sizeOf(map);
        map.putAll(source);
        recordDelta(counter, map, before);
    }

    /** {@link Map#computeIfAbsent}. */
    public static Object computeIfAbsent(Map<Object, Object> map, Object key,
                                         Function<Object, Object> mapping, int callSite) {
        CallCounter counter = counter(map, callSite);
        if (counter == null) {
            return map.computeIfAbsent(key, mapping);
        }
        if (counter.concurrent()) {
            if (key == null || mapping == null) {
                return map.computeIfAbsent(key, mapping); // the map rejects these itself
            }
            Recording.IfAbsent recording = new Recording.IfAbsent(mapping);
            Object result = map.computeIfAbsent(key, recording);
            record(counter, recording.ran && result != null ? 1 : 0, 0);
            if (recording.ran && result != null) {
                offerEntry(counter, key, result);
            }
            return result;
        }
        boolean had = containsKey(counter, map, key);
        int before = sizeUnlessConcurrent(counter, map);
        Object result = map.computeIfAbsent(key, mapping);
        recordKeyed(counter, map, before, had, key, result);
        return result;
    }

    /** {@link Map#computeIfPresent}. */
    public static Object computeIfPresent(Map<Object, Object> map, Object key,
                                          BiFunction<Object, Object, Object> remapping, int callSite) {
        CallCounter counter = counter(map, callSite);
        if (counter == null) {
            return map.computeIfPresent(key, remapping);
        }
        if (counter.concurrent() && remapping != null) {
            Recording.Remapping recording = new Recording.Remapping(remapping);
            Object result = map.computeIfPresent(key, recording);
            record(counter, 0, recording.ran && result == null ? 1 : 0);
            return result;
        }
        boolean had = containsKey(counter, map, key);
        int before = sizeUnlessConcurrent(counter, map);
        Object result = map.computeIfPresent(key, remapping);
        recordKeyed(counter, map, before, had, key, result);
        return result;
    }

    /** {@link Map#compute}. */
    public static Object compute(Map<Object, Object> map, Object key,
                                 BiFunction<Object, Object, Object> remapping, int callSite) {
        CallCounter counter = counter(map, callSite);
        if (counter == null) {
            return map.compute(key, remapping);
        }
        if (counter.concurrent() && remapping != null) {
            Recording.Remapping recording = new Recording.Remapping(remapping);
            Object result = map.compute(key, recording);
            boolean had = recording.ran && recording.hadValue;
            record(counter, !had && result != null ? 1 : 0, had && result == null ? 1 : 0);
            if (!had && result != null) {
                offerEntry(counter, key, result);
            }
            return result;
        }
        boolean had = containsKey(counter, map, key);
        int before = sizeUnlessConcurrent(counter, map);
        Object result = map.compute(key, remapping);
        recordKeyed(counter, map, before, had, key, result);
        return result;
    }

    /** {@link Map#merge}. */
    public static Object merge(Map<Object, Object> map, Object key, Object value,
                               BiFunction<Object, Object, Object> remapping, int callSite) {
        CallCounter counter = counter(map, callSite);
        if (counter == null) {
            return map.merge(key, value, remapping);
        }
        if (counter.concurrent() && remapping != null && value != null) {
            Recording.Merging recording = new Recording.Merging(remapping);
            Object result = map.merge(key, value, recording);
            record(counter, !recording.ran && result != null ? 1 : 0, recording.ran && result == null ? 1 : 0);
            if (!recording.ran && result != null) {
                offerEntry(counter, key, result);
            }
            return result;
        }
        boolean had = containsKey(counter, map, key);
        int before = sizeUnlessConcurrent(counter, map);
        Object result = map.merge(key, value, remapping);
        recordKeyed(counter, map, before, had, key, result);
        return result;
    }

    /** {@link Map#remove(Object)}. */
    public static Object remove(Map<Object, Object> map, Object key, int callSite) {
        CallCounter counter = counter(map, callSite);
        if (counter == null) {
            return map.remove(key);
        }
        int before = sizeUnlessConcurrent(counter, map);
        Object previous = map.remove(key);
        if (before < 0) {
            record(counter, 0, previous != null ? 1 : 0);
        } else {
            recordDelta(counter, map, before);
        }
        return previous;
    }

    /** {@link Map#remove(Object, Object)}. */
    public static boolean remove(Map<Object, Object> map, Object key, Object value, int callSite) {
        CallCounter counter = counter(map, callSite);
        if (counter == null) {
            return map.remove(key, value);
        }
        boolean removed = map.remove(key, value);
        record(counter, 0, removed ? 1 : 0);
        return removed;
    }

    /** {@link Map#clear}. */
    public static void clear(Map<Object, Object> map, int callSite) {
        CallCounter counter = counter(map, callSite);
        if (counter == null) {
            map.clear();
            return;
        }
        int before = sizeOf(map);
        map.clear();
        record(counter, 0, before);
    }

    private static CallCounter counter(Object map, int callSite) {
        if (!Registry.enabled || map == null) {
            return null; // a null receiver must fail in the original call, with the original exception
        }
        try {
            Faults.maybeInject();
            CallSite site = Registry.callSite(callSite);
            return site == null ? null : site.counterFor(map);
        } catch (Throwable t) {
            Faults.record(t);
            return null;
        }
    }

    /** The size of a map whose {@code size()} is exact and cheap, or -1 for concurrent maps. */
    private static int sizeUnlessConcurrent(CallCounter counter, Map<?, ?> map) {
        return counter.concurrent() ? -1 : sizeOf(map);
    }

    private static int sizeOf(Map<?, ?> map) {
        try {
            return map.size();
        } catch (Throwable t) {
            Faults.record(t);
            return -1;
        }
    }

    private static boolean containsKey(CallCounter counter, Map<?, ?> map, Object key) {
        try {
            if (key == null && counter.concurrent()) {
                return false; // the original call rejects the null key itself
            }
            return map.containsKey(key);
        } catch (Throwable t) {
            Faults.record(t); // the original call will raise the same error, from the application's view
            return false;
        }
    }

    private static void recordInsert(CallCounter counter, Map<?, ?> map, int before, boolean absent,
                                     Object key, Object value) {
        int added = absent ? 1 : 0;
        if (before >= 0) {
            int after = sizeOf(map);
            if (after < 0) {
                return;
            }
            int delta = after - before;
            added = Math.max(added, delta);
            record(counter, added, added - delta);
        } else {
            record(counter, added, 0);
        }
        if (added > 0) {
            offerEntry(counter, key, value);
        }
    }

    private static void recordKeyed(CallCounter counter, Map<?, ?> map, int before, boolean had, Object key, Object result) {
        boolean has = result != null;
        int added = !had && has ? 1 : 0;
        int removed = had && !has ? 1 : 0;
        if (before >= 0) {
            int after = sizeOf(map);
            if (after >= 0) {
                int unexplained = (added - removed) - (after - before);
                if (unexplained > 0) {
                    removed += unexplained; // e.g. an eviction triggered by the insert
                } else {
                    added -= unexplained;
                }
            }
        }
        record(counter, added, removed);
        if (added > 0) {
            offerEntry(counter, key, result);
        }
    }

    private static void offerEntry(CallCounter counter, Object key, Object value) {
        try {
            counter.site().offerEntry(key, value);
        } catch (Throwable t) {
            Faults.record(t);
        }
    }

    private static void recordDelta(CallCounter counter, Map<?, ?> map, int before) {
        if (before < 0) {
            return;
        }
        int after = sizeOf(map);
        if (after < 0) {
            return;
        }
        int delta = after - before;
        record(counter, Math.max(delta, 0), Math.max(-delta, 0));
    }

    private static void record(CallCounter counter, int added, int removed) {
        try {
            counter.record(added, removed);
        } catch (Throwable t) {
            Faults.record(t);
        }
    }
}
