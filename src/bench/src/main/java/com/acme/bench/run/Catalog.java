package com.acme.bench.run;

import com.acme.bench.jmh.ComputeBench;
import com.acme.bench.jmh.ConcurrentMapBench;
import com.acme.bench.jmh.HandlerBench;
import com.acme.bench.jmh.HashMapBench;
import com.acme.bench.jmh.HashSetBench;
import com.acme.bench.jmh.InstrumentBench;
import com.acme.bench.jmh.LruBench;
import com.acme.bench.jmh.ServiceBench;
import com.acme.bench.jmh.ShortLivedBench;
import com.acme.bench.jmh.StartupBench;

import java.util.ArrayList;
import java.util.List;

/** Every benchmark the runner runs, in table order, with the budget of issue 11 (overhead) for each. */
final class Catalog {

    static final Budget HOT = Budget.slowdown(0.10);
    static final Budget SHORT_LIVED = Budget.slowdown(0.05);
    static final Budget SERVICE = Budget.slowdown(0.02);
    static final Budget SAMPLED_OUT = Budget.slowdown(0.03);
    static final Budget OUTSIDE = Budget.slowdown(0.01);
    static final Budget STARTUP = Budget.addedMillis(150);

    private Catalog() {
    }

    /** The timed rows: each workload inside the tracked package, then the same outside it. */
    static List<BenchSpec> timed() {
        List<BenchSpec> specs = new ArrayList<>();
        for (boolean tracked : new boolean[] {true, false}) {
            String where = tracked ? "tracked" : "outside";
            String method = tracked ? "tracked" : "outside";
            specs.add(spec(where + "-hashmap-1t", "long-lived HashMap, put+get+remove", 1, HashMapBench.class, method, tracked ? HOT : OUTSIDE));
            specs.add(spec(where + "-hashmap-2t", "long-lived HashMap (one per thread), put+get+remove", 2, HashMapBench.class, method + "TwoThreads", tracked ? HOT : OUTSIDE));
            specs.add(spec(where + "-chm-1t", "long-lived ConcurrentHashMap, put+get+remove", 1, ConcurrentMapBench.class, method, tracked ? HOT : OUTSIDE));
            specs.add(spec(where + "-chm-2t", "long-lived ConcurrentHashMap (shared), put+get+remove", 2, ConcurrentMapBench.class, method + "TwoThreads", tracked ? HOT : OUTSIDE));
            specs.add(spec(where + "-compute-1t", "long-lived HashMap, computeIfAbsent x2 + merge + remove", 1, ComputeBench.class, method, tracked ? HOT : OUTSIDE));
            specs.add(spec(where + "-compute-chm-1t", "long-lived ConcurrentHashMap, computeIfAbsent x2 + merge + remove", 1, ComputeBench.class, method + "Concurrent", tracked ? HOT : OUTSIDE));
            specs.add(spec(where + "-hashset-1t", "long-lived HashSet, add+contains+remove", 1, HashSetBench.class, method, tracked ? HOT : OUTSIDE));
            specs.add(spec(where + "-lru-1t", "bounded LRU cache (LinkedHashMap subclass), evicting put + get", 1, LruBench.class, method, tracked ? HOT : OUTSIDE));
            specs.add(spec(where + "-lru-pair-1t", "two LRU caches of one class in turn (one call site), 2 x (evicting put + get)", 1, LruBench.class, method + "Pair", tracked ? HOT : OUTSIDE));
            specs.add(spec(where + "-sampledout-1t", "long-lived HashMap that sampling left out, put+get+remove", 1, HandlerBench.class, method + "SampledOut", tracked ? SAMPLED_OUT : OUTSIDE));
            specs.add(spec(where + "-handler-1t", "request handler (new HashMap, 5-10 header puts, iterate)", 1, HandlerBench.class, method, tracked ? SHORT_LIVED : OUTSIDE));
            specs.add(spec(where + "-short-1t", "short-lived map per request (new, 4 puts, 2 gets)", 1, ShortLivedBench.class, method, tracked ? SHORT_LIVED : OUTSIDE));
            specs.add(spec(where + "-short-2t", "short-lived map per request (new, 4 puts, 2 gets)", 2, ShortLivedBench.class, method + "TwoThreads", tracked ? SHORT_LIVED : OUTSIDE));
            specs.add(spec(where + "-service-1t", "service request (tracker, LRU, per-request maps, strings)", 1, ServiceBench.class, method, tracked ? SERVICE : OUTSIDE));
            specs.add(spec(where + "-service-2t", "service request (tracker, LRU, per-request maps, strings)", 2, ServiceBench.class, method + "TwoThreads", tracked ? SERVICE : OUTSIDE));
        }
        return specs;
    }

    /** The single-shot rows: start-to-exit of a trivial main, and defining the generated classes. */
    static List<BenchSpec> shots() {
        return List.of(
                new BenchSpec("startup-main", "trivial main, JVM start to exit", 1,
                        StartupBench.class.getName() + ".trivialMain", BenchSpec.Kind.STARTUP, STARTUP),
                new BenchSpec("startup-classes", "define + link generated classes of the tracked package", 1,
                        InstrumentBench.class.getName() + ".defineClasses", BenchSpec.Kind.CLASSES, Budget.none()));
    }

    private static BenchSpec spec(String id, String title, int threads, Class<?> type, String method, Budget budget) {
        return new BenchSpec(id, title, threads, type.getName() + "." + method, BenchSpec.Kind.AVERAGE_TIME, budget);
    }
}
