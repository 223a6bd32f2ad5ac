package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.DontInline;
import jdk.internal.vm.annotation.ForceInline;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Static methods that instrumented code calls in place of map mutations and after map allocations.
 *
 * <p>Each mutation hook performs exactly the original call on the original receiver, with the
 * original arguments, and returns its result or lets its exception propagate; the agent's own
 * bookkeeping around it is guarded so that a fault of ours never reaches the application.
 *
 * <p>Hot path: a receiver that the call site met recently costs a few loads and a compare; counting
 * it costs plain writes to a {@link Tally} that only this map's thread writes. A receiver that is not
 * tracked costs, at a call site that has met many such receivers, a few loads and a compare too.
 *
 * <p>Inserts and removes are counted from the operation's result for the JDK's own maps (exact on
 * concurrent maps, where functions given to {@code compute}-style methods are wrapped to learn
 * whether the map called them) and, for subclasses of unknown behaviour, from {@code size()} before
 * and after, which also sees removals the call itself causes, such as an LRU eviction inside
 * {@code put}.
 */
public final class Hooks {

    private Hooks() {
    }

    /** Called right after a map was constructed at allocation site {@code siteId}. */
    @ForceInline
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
    @ForceInline
    public static Object put(Map<Object, Object> map, Object key, Object value, int callSite) {
        Tally t = tally(map, callSite);
        if (t == null) {
            return map.put(key, value);
        }
        if (!t.resultsTell) {
            return putMeasured(t, map, key, value, false);
        }
        Object previous = map.put(key, value);
        if (previous == null) {
            inserted(t, key, value);
        }
        return previous;
    }

    /** {@link Map#putIfAbsent}. */
    @ForceInline
    public static Object putIfAbsent(Map<Object, Object> map, Object key, Object value, int callSite) {
        Tally t = tally(map, callSite);
        if (t == null) {
            return map.putIfAbsent(key, value);
        }
        if (!t.resultsTell) {
            return putMeasured(t, map, key, value, true);
        }
        Object previous = map.putIfAbsent(key, value);
        if (previous == null) {
            inserted(t, key, value);
        }
        return previous;
    }

    /** {@link Map#putAll}. */
    public static void putAll(Map<Object, Object> map, Map<Object, Object> source, int callSite) {
        Tally t = tally(map, callSite);
        if (t == null) {
            map.putAll(source);
            return;
        }
        int before = sizeOf(map);
        map.putAll(source);
        recordDelta(t, map, before);
    }

    /** {@link Map#computeIfAbsent}. */
    public static Object computeIfAbsent(Map<Object, Object> map, Object key,
                                         Function<Object, Object> mapping, int callSite) {
        Tally t = tally(map, callSite);
        if (t == null || mapping == null || (key == null && t.concurrent())) {
            return map.computeIfAbsent(key, mapping); // the map rejects a null function or key itself
        }
        if (t.resultsTell) {
            Recording.IfAbsent recording = new Recording.IfAbsent(mapping);
            Object result = map.computeIfAbsent(key, recording);
            if (recording.ran && result != null) {
                inserted(t, key, result);
            }
            return result;
        }
        boolean had = containsKey(map, key);
        int before = sizeOf(map);
        Object result = map.computeIfAbsent(key, mapping);
        recordKeyed(t, map, before, had, key, result);
        return result;
    }

    /** {@link Map#computeIfPresent}. */
    public static Object computeIfPresent(Map<Object, Object> map, Object key,
                                          BiFunction<Object, Object, Object> remapping, int callSite) {
        Tally t = tally(map, callSite);
        if (t == null || remapping == null || (key == null && t.concurrent())) {
            return map.computeIfPresent(key, remapping);
        }
        if (t.resultsTell) {
            Recording.Remapping recording = new Recording.Remapping(remapping);
            Object result = map.computeIfPresent(key, recording);
            if (recording.ran && result == null) {
                removed(t);
            }
            return result;
        }
        boolean had = containsKey(map, key);
        int before = sizeOf(map);
        Object result = map.computeIfPresent(key, remapping);
        recordKeyed(t, map, before, had, key, result);
        return result;
    }

    /** {@link Map#compute}. */
    public static Object compute(Map<Object, Object> map, Object key,
                                 BiFunction<Object, Object, Object> remapping, int callSite) {
        Tally t = tally(map, callSite);
        if (t == null || remapping == null || (key == null && t.concurrent())) {
            return map.compute(key, remapping);
        }
        if (t.resultsTell) {
            Recording.Remapping recording = new Recording.Remapping(remapping);
            Object result = map.compute(key, recording);
            boolean had = recording.ran && recording.hadValue;
            if (!had && result != null) {
                inserted(t, key, result);
            } else if (had && result == null) {
                removed(t);
            }
            return result;
        }
        boolean had = containsKey(map, key);
        int before = sizeOf(map);
        Object result = map.compute(key, remapping);
        recordKeyed(t, map, before, had, key, result);
        return result;
    }

    /** {@link Map#merge}. */
    public static Object merge(Map<Object, Object> map, Object key, Object value,
                               BiFunction<Object, Object, Object> remapping, int callSite) {
        Tally t = tally(map, callSite);
        if (t == null || remapping == null || value == null || (key == null && t.concurrent())) {
            return map.merge(key, value, remapping);
        }
        if (t.resultsTell) {
            Recording.Merging recording = new Recording.Merging(remapping);
            Object result = map.merge(key, value, recording);
            if (!recording.ran && result != null) {
                inserted(t, key, result);
            } else if (recording.ran && result == null) {
                removed(t);
            }
            return result;
        }
        boolean had = containsKey(map, key);
        int before = sizeOf(map);
        Object result = map.merge(key, value, remapping);
        recordKeyed(t, map, before, had, key, result);
        return result;
    }

    /** {@link Map#remove(Object)}. */
    @ForceInline
    public static Object remove(Map<Object, Object> map, Object key, int callSite) {
        Tally t = tally(map, callSite);
        if (t == null) {
            return map.remove(key);
        }
        if (!t.resultsTell) {
            return removeMeasured(t, map, key);
        }
        Object previous = map.remove(key);
        if (previous != null) {
            removed(t);
        }
        return previous;
    }

    /** {@link Map#remove(Object, Object)}. */
    @ForceInline
    public static boolean remove(Map<Object, Object> map, Object key, Object value, int callSite) {
        Tally t = tally(map, callSite);
        if (t == null) {
            return map.remove(key, value);
        }
        boolean removed = map.remove(key, value);
        if (removed) {
            removed(t);
        }
        return removed;
    }

    /** {@link Map#clear}. */
    public static void clear(Map<Object, Object> map, int callSite) {
        Tally t = tally(map, callSite);
        if (t == null) {
            map.clear();
            return;
        }
        int before = sizeOf(map);
        map.clear();
        if (before > 0) {
            record(t, 0, before);
        }
    }

    /** The tally of a tracked receiver at this call site, or null: then the hook is a plain call. */
    @ForceInline
    private static Tally tally(Object map, int callSite) {
        if (!Registry.enabled || map == null) {
            return null; // a null receiver must fail in the original call, with the original exception
        }
        try {
            Faults.maybeInject();
            CallSite site = Registry.callSite(callSite);
            return site == null ? null : site.tallyFor(map);
        } catch (Throwable t) {
            Faults.record(t);
            return null;
        }
    }

    @ForceInline
    private static void inserted(Tally t, Object key, Object value) {
        try {
            t.inserted(key, value);
        } catch (Throwable e) {
            Faults.record(e);
        }
    }

    @ForceInline
    private static void removed(Tally t) {
        try {
            t.removed();
        } catch (Throwable e) {
            Faults.record(e);
        }
    }

    /** {@code put} or {@code putIfAbsent} on a map of unknown behaviour, counted from sizes. */
    @DontInline
    private static Object putMeasured(Tally t, Map<Object, Object> map, Object key, Object value, boolean ifAbsent) {
        int before = sizeOf(map);
        Object previous = ifAbsent ? map.putIfAbsent(key, value) : map.put(key, value);
        recordInsert(t, map, before, previous == null, key, value);
        return previous;
    }

    /** {@code remove} on a map of unknown behaviour, counted from sizes. */
    @DontInline
    private static Object removeMeasured(Tally t, Map<Object, Object> map, Object key) {
        int before = sizeOf(map);
        Object previous = map.remove(key);
        recordDelta(t, map, before);
        return previous;
    }

    private static int sizeOf(Map<?, ?> map) {
        try {
            return map.size();
        } catch (Throwable t) {
            Faults.record(t);
            return -1;
        }
    }

    private static boolean containsKey(Map<?, ?> map, Object key) {
        try {
            return map.containsKey(key);
        } catch (Throwable t) {
            Faults.record(t); // the original call will raise the same error, from the application's view
            return false;
        }
    }

    /** Records an insert into a map of unknown behaviour, from its result and its size before and after. */
    private static void recordInsert(Tally t, Map<?, ?> map, int before, boolean absent, Object key, Object value) {
        int delta = sizeChange(map, before);
        if (delta == UNKNOWN) {
            return;
        }
        int added = Math.max(absent ? 1 : 0, delta);
        record(t, added, added - delta);
        if (added > 0) {
            offerEntry(t, key, value);
        }
    }

    private static void recordKeyed(Tally t, Map<?, ?> map, int before, boolean had, Object key, Object result) {
        boolean has = result != null;
        int added = !had && has ? 1 : 0;
        int removed = had && !has ? 1 : 0;
        int delta = sizeChange(map, before);
        if (delta != UNKNOWN) {
            int unexplained = (added - removed) - delta;
            if (unexplained > 0) {
                removed += unexplained; // e.g. an eviction triggered by the insert
            } else {
                added -= unexplained;
            }
        }
        record(t, added, removed);
        if (added > 0) {
            offerEntry(t, key, result);
        }
    }

    private static void recordDelta(Tally t, Map<?, ?> map, int before) {
        int delta = sizeChange(map, before);
        if (delta != UNKNOWN) {
            record(t, Math.max(delta, 0), Math.max(-delta, 0));
        }
    }

    /** Marks a size change that cannot be known because a {@code size()} call failed. */
    private static final int UNKNOWN = Integer.MIN_VALUE;

    /** {@code size()} now minus {@code before}, or {@link #UNKNOWN} when either size is unknown. */
    private static int sizeChange(Map<?, ?> map, int before) {
        if (before < 0) {
            return UNKNOWN;
        }
        int after = sizeOf(map);
        return after < 0 ? UNKNOWN : after - before;
    }

    private static void record(Tally t, int added, int removed) {
        try {
            t.record(added, removed);
        } catch (Throwable e) {
            Faults.record(e);
        }
    }

    private static void offerEntry(Tally t, Object key, Object value) {
        try {
            t.offerEntry(key, value);
        } catch (Throwable e) {
            Faults.record(e);
        }
    }
}
