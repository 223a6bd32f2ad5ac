package com.acme.bench.memory;

import com.acme.bench.gen.ClassGenerator;
import com.acme.bench.gen.GeneratedClassLoader;
import com.acme.bench.tracked.LiveMaps;
import com.acme.bench.tracked.RequestMaps;

import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs one memory scenario and prints one {@code RESULT key=value ...} line of used-heap deltas (after
 * full collections) and the agent's table entries. The runner subtracts the no-agent run's deltas.
 *
 * <p>Usage: {@code MemoryProbe live COUNT | sites SITES PER_SITE | short FIRST TOTAL}.
 */
public final class MemoryProbe {

    /** Time given to the agent's own start-up (logging, its thread) before the first reading. */
    private static final long SETTLE_MILLIS = 1_500;

    private MemoryProbe() {
    }

    /** Runs the scenario named by {@code args[0]}. */
    public static void main(String[] args) throws Exception {
        HeapMeter.pause(SETTLE_MILLIS);
        String result = switch (args[0]) {
            case "live" -> live(Integer.parseInt(args[1]));
            case "sites" -> sites(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "short" -> shortLived(Long.parseLong(args[1]), Long.parseLong(args[2]));
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        };
        System.out.println("RESULT " + result);
    }

    /** {@code count} live maps from one allocation site. */
    private static String live(int count) {
        long before = HeapMeter.usedAfterGc();
        Object[] maps = LiveMaps.create(count);
        long after = HeapMeter.usedAfterGc();
        long entries = AgentProbe.tableEntries();
        Reference.reachabilityFence(maps);
        return String.format(Locale.ROOT, "maps=%d heap=%d entries=%d", count, after - before, entries);
    }

    /** {@code perSite} live maps from each of {@code sites} allocation sites in generated classes. */
    private static String sites(int sites, int perSite) throws ReflectiveOperationException {
        Map<String, byte[]> classFiles = ClassGenerator.generate("com.acme.bench.tracked.gen", sites);
        long start = HeapMeter.usedAfterGc();
        GeneratedClassLoader loader = new GeneratedClassLoader(classFiles, MemoryProbe.class.getClassLoader());
        List<Function<Object, Object>> factories = new ArrayList<>(sites);
        for (String name : classFiles.keySet()) {
            @SuppressWarnings("unchecked")
            Function<Object, Object> f = (Function<Object, Object>) loader.loadClass(name).getConstructor().newInstance();
            factories.add(f);
        }
        long loaded = HeapMeter.usedAfterGc();
        Object[] maps = new Object[sites * perSite];
        int n = 0;
        for (int round = 0; round < perSite; round++) {
            for (Function<Object, Object> f : factories) {
                maps[n] = f.apply(n);
                n++;
            }
        }
        long filled = HeapMeter.usedAfterGc();
        long entries = AgentProbe.tableEntries();
        long registered = AgentProbe.allocationSites();
        Reference.reachabilityFence(maps);
        Reference.reachabilityFence(factories);
        return String.format(Locale.ROOT, "maps=%d sites=%d siteHeap=%d heap=%d entries=%d registered=%d",
                n, sites, loaded - start, filled - loaded, entries, registered);
    }

    /** {@code total} short-lived maps from one site, with a reading after the first {@code first}. */
    private static String shortLived(long first, long total) {
        RequestMaps requests = new RequestMaps();
        long before = HeapMeter.usedAfterGc();
        long sink = run(requests, 0, first);
        long afterFirst = HeapMeter.usedAfterGc();
        long entriesFirst = AgentProbe.tableEntries();
        sink += run(requests, first, total);
        long afterAll = HeapMeter.usedAfterGc();
        long entriesAll = AgentProbe.tableEntries();
        return String.format(Locale.ROOT, "first=%d total=%d heapFirst=%d heap=%d entriesFirst=%d entries=%d sink=%d",
                first, total, afterFirst - before, afterAll - before, entriesFirst, entriesAll, sink & 1);
    }

    private static long run(RequestMaps requests, long from, long to) {
        long sink = 0;
        for (long i = from; i < to; i++) {
            sink += requests.handle((int) i).size();
        }
        return sink;
    }
}
