package com.acme.bench.jmh;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Gives a fork the JIT state of a running service before it measures: the JDK's map code compiled on
 * its own, with call profiles that have seen many key types and several map classes, as every
 * framework and library of a service leaves them. Run the same way in every configuration (no agent,
 * agent matching nothing, agent tracking).
 *
 * <p>Map classes matter because {@code HashMap}'s own code calls itself virtually ({@code newNode},
 * {@code afterNodeInsertion}, ...): a JVM that has only ever seen {@code HashMap} and
 * {@code LinkedHashMap} there compiles those calls inline for exactly those two, and any third class
 * (the agent's counted maps, or an application's own subclass) turns them into virtual calls for all
 * maps. Services are past that point: the Spring Boot application of the compatibility suite loads
 * 14 subclasses of {@code HashMap}/{@code LinkedHashMap} (Spring's {@code LinkedCaseInsensitiveMap$1}
 * for HTTP headers, {@code ModelMap}, {@code AnnotationAttributes}, Tomcat's and Spring's LRU
 * caches, logback's {@code NameCache}: {@code jcmd PID VM.class_hierarchy java.util.HashMap -s}).
 * So the warm-up uses two such subclasses too, a plain {@code HashMap} subclass and an LRU
 * {@code LinkedHashMap}; {@code -jdkWarmup} leaves them out to show the JVM that has not seen any.
 *
 * <p>Sets too: a {@code HashSet} and a {@code LinkedHashSet} add, ask for and remove the same keys,
 * as every service's frameworks do (and the agent's own start-up, in the agent's forks only:
 * {@code -XX:+PrintCompilation}). This does not even out what the agent's presence costs the
 * set rows: its counted map twins, loaded whatever it matches, override {@code put}, {@code remove}
 * and {@code containsKey}, so {@code HashSet}'s calls to its map lose their binding by class
 * hierarchy analysis (see the README's overhead section).
 *
 * <p>In a service the agent's hooks have met every kind of map too: the warm-up then changes one map
 * and one set of each kind through the chosen package's call sites ({@code tracked.EveryKind}), so
 * that with the agent tracking, every counted twin has passed through the hooks that all call sites
 * share before the benchmark runs (without the agent, or matching nothing, the same code runs on
 * plain maps). {@link #sitesRegistered()} says how many allocation sites that registered, so that
 * the checks after the run can tell them from the benchmark's own.
 *
 * <p>Without it, a no-agent fork is a JVM in which {@code HashMap} has only ever seen the benchmark's
 * keys: the JIT inlines it into the benchmark with monomorphic key calls, while in a fork with any
 * agent the agent's own start-up has already used {@code HashMap} with dozens of key types. That gap
 * (measured: the agent matching no package at all made short-lived maps about twice as slow) is JIT
 * luck, not the agent's cost, and no service runs in such a sterile JVM. {@code -sterile} skips this
 * warm-up to show it.
 */
public final class JdkMapsWarmup {

    /** System property choosing the warm-up: {@code service} (default), {@code jdk} (no subclasses) or {@code none}. */
    public static final String MODE = "gwbench.warmup";

    private static boolean done;
    private static long sitesRegistered;

    private JdkMapsWarmup() {
    }

    private record Pair(int id, String name) {
    }

    private enum Kind { ALPHA, BETA, GAMMA }

    /** An access-ordered LRU cache, as Tomcat's, Spring's and many applications' own. */
    private static final class LruMap extends LinkedHashMap<Object, Object> {
        LruMap() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
            return size() > 4096;
        }
    }

    /** The warm-up for tools outside JMH (see {@code run.SideBySide}). */
    public static void runForTools() {
        run();
    }

    /** Runs the warm-up once per fork, as {@link #MODE} says. */
    static synchronized void run() {
        String mode = System.getProperty(MODE, "service");
        if (done || mode.equals("none")) {
            return;
        }
        done = true;
        boolean subclasses = !mode.equals("jdk");
        int n = 512;
        Object[][] keys = new Object[6][n];
        for (int i = 0; i < n; i++) {
            keys[0][i] = "key-" + i;
            keys[1][i] = i;
            keys[2][i] = (long) i << 20;
            keys[3][i] = new Pair(i, "p" + i);
            keys[4][i] = Kind.values()[i % 3];
            keys[5][i] = List.of(i, i + 1);
        }
        long checksum = 0;
        for (int round = 0; round < 300; round++) {
            for (Object[] ks : keys) {
                Map<Object, Object> hash = new HashMap<>();
                Map<Object, Object> linked = new LinkedHashMap<>();
                Map<Object, Object> concurrent = new ConcurrentHashMap<>();
                Map<Object, Object> plainSubclass = subclasses ? new HashMap<>() { } : new HashMap<>();
                Map<Object, Object> lru = subclasses ? new LruMap() : new LinkedHashMap<>();
                Set<Object> hashSet = new HashSet<>();
                Set<Object> linkedSet = new LinkedHashSet<>();
                for (Object k : ks) {
                    hashSet.add(k);
                    linkedSet.add(k);
                    hash.put(k, k);
                    linked.put(k, k);
                    concurrent.put(k, k);
                    plainSubclass.put(k, k);
                    lru.put(k, k);
                    hash.computeIfAbsent(k, x -> x);
                    concurrent.merge(k, k, (a, b) -> a);
                }
                for (Object k : ks) {
                    checksum += hash.get(k) == null ? 0 : 1;
                    checksum += concurrent.containsKey(k) ? 1 : 0;
                    checksum += linked.getOrDefault(k, k) == k ? 1 : 0;
                    checksum += hashSet.contains(k) && linkedSet.contains(k) ? 1 : 0;
                }
                for (Object k : ks) {
                    hash.remove(k);
                    linked.remove(k);
                    concurrent.remove(k);
                    plainSubclass.remove(k);
                    lru.remove(k);
                    hashSet.remove(k);
                    linkedSet.remove(k);
                }
                if (round % 3 == 0) {
                    computeStyleCalls(ks, List.of(hash, linked, concurrent, plainSubclass, lru));
                }
            }
        }
        if (checksum != 300L * 6 * n * 4) {
            throw new IllegalStateException("warm-up lost entries: " + checksum);
        }
        if (subclasses) {
            everyKindThroughTheChosenCode();
        }
    }

    private static final Function<Object, Object>[] MAKERS = makers();
    private static final BiFunction<Object, Object, Object>[] MERGERS = mergers();

    @SuppressWarnings("unchecked")
    private static Function<Object, Object>[] makers() {
        return new Function[] {x -> x, x -> Boolean.TRUE, String::valueOf};
    }

    @SuppressWarnings("unchecked")
    private static BiFunction<Object, Object, Object>[] mergers() {
        return new BiFunction[] {(a, b) -> a, (a, b) -> b, (a, b) -> null};
    }

    /**
     * {@code computeIfAbsent}, {@code merge} and {@code compute} on every map, absent and present
     * keys, three functions of each shape: as a service's code calls them, and as the agent's own
     * start-up does before the application (without this, the rows of those methods measured the
     * agent matching nothing 28 % slower than no agent: the JDK's compiled methods had seen only the
     * benchmark's one map class and function in the forks without the agent). Leaves the maps empty.
     */
    private static void computeStyleCalls(Object[] keys, List<Map<Object, Object>> maps) {
        for (int i = 0; i < keys.length; i++) {
            Object k = keys[i];
            for (Map<Object, Object> m : maps) {
                m.computeIfAbsent(k, MAKERS[i % 3]); // absent: the function runs
                m.computeIfAbsent(k, MAKERS[(i + 1) % 3]); // present
                m.merge(k, k, MERGERS[i % 3]); // present: replaced, or removed by the null
                m.merge(k, k, MERGERS[(i + 1) % 3]);
                m.compute(k, (key, value) -> null); // removes what is left
            }
        }
    }

    private static void everyKindThroughTheChosenCode() {
        long before = com.acme.bench.memory.AgentProbe.allocationSites();
        com.acme.bench.tracked.EveryKind every = new com.acme.bench.tracked.EveryKind();
        long changed = 0;
        int steps = 1_000_000;
        for (int i = 0; i < steps; i++) {
            changed += every.step(i);
        }
        if (changed != 5L * (steps - com.acme.bench.tracked.EveryKind.WINDOW)) {
            throw new IllegalStateException("warm-up lost entries: " + changed);
        }
        sitesRegistered = com.acme.bench.memory.AgentProbe.allocationSites() - before;
        keep = every;
    }

    /** The maps of the chosen code's warm-up stay alive, as a service's long-lived maps do. */
    @SuppressWarnings("unused")
    private static Object keep;

    /** Allocation sites the warm-up's chosen code registered with the agent: 0 without it, or when it matches nothing. */
    static long sitesRegistered() {
        return sitesRegistered;
    }
}
