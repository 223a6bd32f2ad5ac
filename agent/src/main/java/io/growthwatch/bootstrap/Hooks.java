package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.DontInline;
import jdk.internal.vm.annotation.ForceInline;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The static methods instrumented code calls: one after each map or set allocation, one before each
 * map mutation, one before each set mutation. Neither lets an error of the agent's reach the application.
 *
 * <p>The decision is taken once, at allocation: a map that sampling picks is replaced by its counted
 * twin ({@link Counted}), which counts its own inserts and removes; every other map stays the plain
 * JDK map the application allocated and costs nothing afterwards. The mutation call itself is left
 * in the application's code as it was (its own type profile, inlined as without the agent); the hook
 * before it costs a class compare for a plain map, and a field write for a counted one.
 */
public final class Hooks {

    private Hooks() {
    }

    /**
     * Called right after a map was constructed at allocation site {@code siteId}; returns the map the
     * application goes on with: {@code map} itself, or its counted twin when this instance is tracked.
     */
    @ForceInline
    public static Object allocated(Object map, int siteId) {
        if (!AgentSwitch.enabled) {
            return map;
        }
        AllocSite site = Registry.allocSite(siteId);
        int weight;
        if (site == null || (weight = site.admission().admit()) == 0) {
            return map;
        }
        return track(map, site, weight);
    }

    /**
     * Called right after the chosen code made a map-collecting {@code Collector} ({@code Collectors.toMap},
     * {@code groupingBy}, ...) at allocation site {@code siteId}: returns the collector to go on with,
     * whose result map passes through {@link #allocated}. Never throws.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object collected(Object collector, int siteId) {
        if (!AgentSwitch.enabled || !(collector instanceof java.util.stream.Collector<?, ?, ?> c)) {
            return collector;
        }
        try {
            return new TrackedCollector(c, siteId);
        } catch (Throwable t) {
            Faults.record(t);
            return collector;
        }
    }

    /**
     * Called right after the chosen code made a {@code Supplier} of a constructor reference of a
     * tracked map class ({@code HashMap::new} as a map factory) at allocation site {@code siteId}:
     * returns the supplier to go on with, whose maps pass through {@link #allocated}. Never throws.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object supplied(Object supplier, int siteId) {
        if (!AgentSwitch.enabled || !(supplier instanceof java.util.function.Supplier<?> s)) {
            return supplier;
        }
        return new TrackedSupplier(s, siteId);
    }

    /**
     * Called right before instrumented call site {@code callSite} calls a mutation method on
     * {@code map}: names the call site to a counted map, and lets a tracked map that cannot count
     * itself report its size (or, for an LRU cache that counts its own inserts, only names the call
     * site, see {@link #inserted}). For code instrumented while no plain JDK map can be tracked (see
     * {@link AgentSwitch#plainMapsTrackable}); {@link #atAnyMap} otherwise.
     *
     * <p>A plain {@code HashMap}, the receiver of most calls (a map sampling left out, never tracked
     * here: picked maps are twins), is told apart first, by one compare of the class pointer that the
     * call which follows loads anyway. (Testing for the counted {@code HashMap} first instead: the
     * sampled-out receiver paid +3 ns per put+get+remove step again, the tracked one gained nothing.)
     */
    @ForceInline
    public static void at(Object map, int callSite) {
        if (map == null) {
            return; // the original call raises the original exception
        }
        Class<?> type = map.getClass();
        if (type == HashMap.class) {
            return;
        }
        if (named(map, callSite)) {
            return;
        }
        if (type != LinkedHashMap.class && type != ConcurrentHashMap.class && AgentSwitch.lookingUp()) {
            atUncounted(map, type, callSite); // an application's subclass, tracked as it is
        }
    }

    /**
     * As {@link #at}, for code instrumented while plain JDK maps may be tracked too: after a dynamic
     * attach (maps allocated before it are adopted at their first instrumented call) or when the
     * counted twins could not be defined.
     */
    @ForceInline
    public static void atAnyMap(Object map, int callSite) {
        if (map == null) {
            return;
        }
        if (named(map, callSite)) {
            return;
        }
        if (AgentSwitch.lookingUp()) {
            atUncounted(map, map.getClass(), callSite);
        }
    }

    /**
     * Before a call on {@code map}, of class {@code type}, which is not a counted twin: names the
     * call site, and nothing else, when that class reports the call's inserts by itself and the call
     * removes nothing (an LRU cache's {@code put}, counted in its {@code removeEldestEntry}, see
     * {@link #inserted}); otherwise lets the map report its size ({@link #touch}).
     */
    @ForceInline
    private static void atUncounted(Object map, Class<?> type, int callSite) {
        CallSite site = Registry.callSite(callSite);
        if (site != null && site.insertsCountedBy(type)) {
            InsertingCall.by(callSite);
            return;
        }
        touch(map, callSite);
    }

    /**
     * As {@link #at}, for a call site that can also call the counted twin of a {@code ConcurrentHashMap}
     * itself, passing its id: true, doing nothing else, when {@code map} is that twin (the call site
     * then makes its call through {@code java.util.concurrent.GrowthwatchConcurrentTwins}); otherwise
     * what {@link #at} does, and false (the call site makes its original call). A plain
     * {@code HashMap} is still told apart first, by the one compare it paid before; the call site's
     * branch on the answer has a profile of its own, so where no twin ever comes the JIT keeps none
     * of the twin's path.
     */
    @ForceInline
    public static boolean atUnlessConcurrentTwin(Object map, int callSite) {
        if (map == null) {
            return false; // the original call raises the original exception
        }
        Class<?> type = map.getClass();
        if (type == HashMap.class) {
            return false;
        }
        if (type == CountedMaps.CONCURRENT_HASH_MAP) {
            return true;
        }
        at(map, callSite); // inlined: its null and HashMap tests fold into the ones above
        return false;
    }

    /** As {@link #atUnlessConcurrentTwin}, doing what {@link #atAnyMap} does for any other receiver. */
    @ForceInline
    public static boolean atAnyMapUnlessConcurrentTwin(Object map, int callSite) {
        if (map == null) {
            return false;
        }
        if (map.getClass() == CountedMaps.CONCURRENT_HASH_MAP) {
            return true;
        }
        atAnyMap(map, callSite);
        return false;
    }

    /**
     * As {@link #atUnlessConcurrentTwin}, for a {@code remove(key)} call site: true, doing nothing
     * else, when {@code map} is any counted twin, which the call site then calls through
     * {@link #removeFrom} with its id; otherwise what {@link #at} does, and false. A counted
     * {@code HashMap} cannot see a remove of an absent key end (see {@code java.util.GrowthwatchHashMap}):
     * given the call site with the call, it forgets it within the call, where a call site that named
     * itself before its call would have to tell it again after it.
     */
    @ForceInline
    public static boolean atUnlessTwin(Object map, int callSite) {
        if (map == null) {
            return false; // the original call raises the original exception
        }
        Class<?> type = map.getClass();
        if (type == HashMap.class) {
            return false;
        }
        if (type == CountedMaps.HASH_MAP || type == CountedMaps.LINKED_HASH_MAP || type == CountedMaps.CONCURRENT_HASH_MAP) {
            return true;
        }
        at(map, callSite); // inlined: its tests fold into the ones above
        return false;
    }

    /** As {@link #atUnlessTwin}, doing what {@link #atAnyMap} does for any other receiver. */
    @ForceInline
    public static boolean atAnyMapUnlessTwin(Object map, int callSite) {
        if (map == null) {
            return false;
        }
        Class<?> type = map.getClass();
        if (type == CountedMaps.HASH_MAP || type == CountedMaps.LINKED_HASH_MAP || type == CountedMaps.CONCURRENT_HASH_MAP) {
            return true;
        }
        atAnyMap(map, callSite);
        return false;
    }

    /**
     * {@code map.remove(key)} for instrumented call site {@code callSite}, where {@code map} is a
     * counted twin ({@link #atUnlessTwin} answered true). As in {@link #named}: one branch and one
     * call instruction per twin class.
     */
    @ForceInline
    public static Object removeFrom(Object map, Object key, int callSite) {
        if (map.getClass() == CountedMaps.HASH_MAP) {
            return ((Counted) map).removeFrom(key, callSite);
        }
        if (map.getClass() == CountedMaps.LINKED_HASH_MAP) {
            return ((Counted) map).removeFrom(key, callSite);
        }
        if (map.getClass() == CountedMaps.CONCURRENT_HASH_MAP) {
            return ((Counted) map).removeFrom(key, callSite);
        }
        return ((Map<?, ?>) map).remove(key); // not reached: atUnlessTwin answered true for one of the three
    }

    /**
     * Names {@code callSite} to {@code map} when it is a counted twin; false for any other map.
     *
     * <p>The twins are final classes held in constants, so each test compiles to one compare of the
     * receiver's class pointer, which the JIT loads for the call that follows anyway. Written as
     * {@code map.getClass() == twin}, not {@code twin.isInstance(map)}: after such a compare C2 knows
     * the receiver's exact class within the branch and binds the call without a type guard of its
     * own (measured on Java 25: −1.9 ns per tracked {@code HashMap} put+get+remove step; nothing
     * either way on Java 17).
     * Each twin has its own branch and its own call instruction on purpose: the JIT profiles a call
     * instruction once for every call site this hook is inlined into, so one shared
     * {@code calledFrom} call would see every twin class a service tracks and go through the
     * interface table (measured: +9 to +13 ns per put+get+remove step); in its own branch the class
     * is known and the call is bound directly.
     */
    @ForceInline
    private static boolean named(Object map, int callSite) {
        if (map.getClass() == CountedMaps.HASH_MAP) {
            ((Counted) map).calledFrom(callSite);
            return true;
        }
        if (map.getClass() == CountedMaps.LINKED_HASH_MAP) {
            ((Counted) map).calledFrom(callSite);
            return true;
        }
        if (map.getClass() == CountedMaps.CONCURRENT_HASH_MAP) {
            ((Counted) map).calledFrom(callSite);
            return true;
        }
        return false;
    }

    /**
     * Called right after instrumented call site's {@code remove(key)} on {@code map} returned, where
     * the call site cannot branch to {@link #removeFrom} (a class file without frames): a counted
     * {@code HashMap}/{@code LinkedHashMap} forgets the call site it was named, which it does by
     * itself at the end of every change but cannot do for a remove of an absent key (see
     * {@code java.util.GrowthwatchHashMap}). A plain {@code HashMap} is told apart first, as in {@link #at}.
     */
    @ForceInline
    public static void removeReturned(Object map) {
        Class<?> type = map.getClass(); // not null: the call made on it has returned
        if (type == HashMap.class) {
            return;
        }
        // as in named(): one branch and one call instruction per twin class
        if (map.getClass() == CountedMaps.HASH_MAP) {
            ((Counted) map).callReturned();
            return;
        }
        if (map.getClass() == CountedMaps.LINKED_HASH_MAP) {
            ((Counted) map).callReturned();
        }
    }

    /**
     * Called right before an instrumented call of {@code map.containsKey(key)}: a counted
     * {@code HashMap}/{@code LinkedHashMap} tells the sampler's key watch when that key is watched
     * (a look-up only then). Those twins leave {@code containsKey} to the JDK (see
     * {@code java.util.GrowthwatchHashMap}); the {@code ConcurrentHashMap} twin watches its own.
     */
    @ForceInline
    public static void lookingUp(Object map, Object key) {
        if (map == null) {
            return; // the original call raises the original exception
        }
        if (map.getClass() == HashMap.class) {
            return;
        }
        if (map.getClass() == CountedMaps.HASH_MAP) {
            ((Counted) map).lookingUp(key);
            return;
        }
        if (map.getClass() == CountedMaps.LINKED_HASH_MAP) {
            ((Counted) map).lookingUp(key);
        }
    }

    /**
     * Called right before instrumented call site {@code callSite} calls an add or remove method
     * ({@code add}, {@code remove}, {@code addAll}, {@code clear}, ...) on {@code set}: names the call
     * site to the counted twin inside a tracked set, and lets a tracked set that cannot count itself
     * report its size. Does nothing until some set is tracked.
     */
    @ForceInline
    public static void atSet(Object set, int callSite) {
        if (set == null) {
            return;
        }
        if (set.getClass() == java.util.HashSet.class) {
            return; // the commonest receiver, never tracked as it is: a picked HashSet is a twin (see at())
        }
        // as in named(): one branch and one call instruction per twin class
        if (set.getClass() == CountedSets.HASH_SET) {
            ((Counted) set).calledFrom(callSite);
            return;
        }
        if (set.getClass() == CountedSets.LINKED_HASH_SET) {
            ((Counted) set).calledFrom(callSite);
            return;
        }
        if (!CountedSets.anyTracked()) { // no set without a twin is tracked
            return;
        }
        Object map = CountedSets.ACCESS.backing(set); // a few type checks and a field read
        if (map == null) {
            return;
        }
        if (named(map, callSite)) {
            return;
        }
        if (AgentSwitch.lookingUp()) {
            Class<?> type = map.getClass();
            if (type != HashMap.class && type != LinkedHashMap.class) { // a plain hash map: a set that was not picked
                touch(map, callSite);
            }
        }
    }

    /** Makes {@code set.addAll(elements)} for instrumented call site {@code callSite}, every element added counted there. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static boolean addAllTo(java.util.Collection set, java.util.Collection elements, int callSite) {
        Counted held = holdFor(set, callSite);
        try {
            return set.addAll(elements);
        } finally {
            release(held);
        }
    }

    /** Makes {@code set.removeAll(elements)} for instrumented call site {@code callSite}, every removal counted there. */
    @SuppressWarnings("rawtypes")
    public static boolean removeAllFrom(java.util.Collection set, java.util.Collection elements, int callSite) {
        Counted held = holdFor(set, callSite);
        try {
            return set.removeAll(elements);
        } finally {
            release(held);
        }
    }

    /** Makes {@code set.retainAll(elements)} for instrumented call site {@code callSite}, every removal counted there. */
    @SuppressWarnings("rawtypes")
    public static boolean retainAllIn(java.util.Collection set, java.util.Collection elements, int callSite) {
        Counted held = holdFor(set, callSite);
        try {
            return set.retainAll(elements);
        } finally {
            release(held);
        }
    }

    /** Makes {@code set.removeIf(filter)} for instrumented call site {@code callSite}, every removal counted there. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static boolean removeIfFrom(java.util.Collection set, java.util.function.Predicate filter, int callSite) {
        Counted held = holdFor(set, callSite);
        try {
            return set.removeIf(filter);
        } finally {
            release(held);
        }
    }

    /**
     * Before a bulk call on {@code set}: its counted map, now crediting every change to
     * {@code callSite} until {@link #release}; null (after the ordinary hook) for any other receiver.
     */
    private static Counted holdFor(Object set, int callSite) {
        atSet(set, callSite);
        if (set == null) {
            return null;
        }
        try { // no anyTracked() shortcut: it stays false while only set twins are tracked
            if (CountedSets.ACCESS.backing(set) instanceof Counted counted) {
                counted.hold(callSite);
                return counted;
            }
            return null;
        } catch (Throwable t) {
            Faults.record(t);
            return null;
        }
    }

    private static void release(Counted held) {
        if (held != null) {
            held.release();
        }
    }

    /**
     * Called as a {@code removeEldestEntry} override of an instrumented class returns {@code evict}:
     * its map has just inserted a key ({@code LinkedHashMap} asks after every insert, and only then),
     * and drops its eldest entry next when {@code evict}, a remove that its size alone cannot show.
     * Counts both for the call site this thread named last ({@link InsertingCall}) when that call
     * site met this map or learned its class, else for {@link CallSite#OUTSIDE}; counts nothing when
     * the override, declared by {@code declaring} (null: unknown), was called through
     * {@code super.removeEldestEntry} by an instrumented one of the map's class, which counts
     * ({@link EldestOverrides}). Never throws.
     */
    public static void inserted(boolean evict, Object map, Class<?> declaring) {
        reported(true, evict, map, declaring);
    }

    /**
     * Called as a {@code removeEldestEntry} override that changes its map itself begins (with
     * {@code evict} false: the insert is counted before the override's own calls) and as it returns
     * {@code evict} (the eviction only): {@link #inserted} in two steps. Never throws.
     */
    public static void evicting(boolean evict, Object map, Class<?> declaring) {
        if (evict) {
            reported(false, true, map, declaring);
        }
    }

    /** {@link #inserted} and {@link #evicting}: an insert made when {@code insert}, an eviction next when {@code evict}. */
    @ForceInline
    private static void reported(boolean insert, boolean evict, Object map, Class<?> declaring) {
        if (!AgentSwitch.enabled) {
            return;
        }
        try {
            Faults.maybeInject();
            Class<?> type = map.getClass();
            if (!EldestOverrides.countedBy(declaring, type)) {
                return; // a subclass's override called this one, and counts the insert itself
            }
            CallSite by = Registry.callSiteOrOutside(InsertingCall.callSite());
            TrackedMap tracked = by.held(map); // the call site met this map just before, as a rule
            if (tracked == null) {
                if (by.insertsCountedBy(type)) {
                    tracked = lookUp(by, map); // a map of the class it learned: one it has not met yet
                } else {
                    // a name this call did not leave (code outside the chosen packages, a mapping
                    // function's own call): the table, and other code
                    by = CallSite.OUTSIDE;
                    tracked = lookUp(map);
                }
                if (tracked == null) {
                    return;
                }
            }
            if (insert) {
                by.insertReported(type);
            }
            tracked.changeReported(by, (Map<?, ?>) map, insert, evict);
        } catch (Throwable t) {
            Faults.record(t);
        }
    }

    @DontInline
    private static TrackedMap lookUp(CallSite by, Object map) {
        return map instanceof Map<?, ?> m ? by.find(m) : null;
    }

    @DontInline
    private static TrackedMap lookUp(Object map) {
        return Registry.instances().find(map);
    }

    /** Starts tracking a picked instance: its counted twin, or the instance itself when it has none. */
    @DontInline
    private static Object track(Object map, AllocSite site, int weight) {
        try {
            Faults.maybeInject();
            if (!site.typeObserved()) {
                site.observeType(map);
            }
            if (map instanceof java.util.Set<?>) {
                return trackSet(map, site, weight);
            }
            Counted twin = CountedMaps.twinOf(map);
            Object tracked = twin != null ? twin : map;
            TrackedMap entry = Registry.instances().add(tracked, site, weight);
            if (entry == null) {
                return map; // the table is full: the application keeps its own map
            }
            if (twin != null) {
                twin.countInto(entry);
            } else {
                AgentSwitch.lookUp(true); // a map that cannot count itself: call sites must find it
            }
            return tracked;
        } catch (Throwable t) {
            Faults.record(t);
            return map;
        }
    }

    /**
     * Starts tracking a picked set through the map inside it: the set's counted twin (a
     * {@code HashSet} or {@code LinkedHashSet}, returned for the application to go on with), a counted
     * map put in place of a hash set subclass's map, or the set's own map, counted from its sizes.
     */
    private static Object trackSet(Object set, AllocSite site, int weight) {
        Object twin = CountedSets.ACCESS.twinOf(set);
        if (twin != null) {
            TrackedMap entry = Registry.instances().add(CountedSets.ACCESS.backing(twin), site, weight);
            if (entry == null) {
                return set; // the table is full: the application keeps its own set
            }
            ((Counted) twin).countInto(entry);
            return twin;
        }
        Object map = CountedSets.ACCESS.countable(set);
        if (map == null) {
            return set;
        }
        TrackedMap entry = Registry.instances().add(map, site, weight);
        if (entry == null) {
            return set; // the table is full: a twin in place counts nothing and behaves as the map it copied
        }
        if (map instanceof Counted counted) {
            counted.countInto(entry);
        } else {
            AgentSwitch.lookUp(true);
        }
        CountedSets.tracked();
        return set;
    }

    @DontInline
    private static void touch(Object map, int callSite) {
        try {
            Faults.maybeInject();
            CallSite site = Registry.callSite(callSite);
            if (site != null && map instanceof Map<?, ?> m) {
                site.touch(m);
                if (site.mayInsert()) {
                    InsertingCall.by(callSite); // for a map that reports its inserts itself, see inserted()
                }
            }
        } catch (Throwable t) {
            Faults.record(t);
        }
    }
}
