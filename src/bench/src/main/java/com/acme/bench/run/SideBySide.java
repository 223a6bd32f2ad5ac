package com.acme.bench.run;

import com.acme.bench.jmh.JdkMapsWarmup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * The same put+get+remove steps on three long-lived maps in one JVM, taking turns for 150 measured
 * rounds of a million steps each (20,000 requests for {@code service}): a map the agent tracks ({@code com.acme.bench.tracked.HotHashMap}), a map of the same package that
 * sampling left out ({@code SampledOutMap}) and a map outside the chosen packages. All three share
 * the JVM's JIT state and the machine's moment, so their differences are the agent's hooks, with
 * little of the noise that separates forks; each difference printed is the median of the differences
 * within a round.
 *
 * <p>{@code java -javaagent:agent/target/growthwatch-agent.jar=packages=com.acme.bench.tracked
 * -cp src/bench/target/benchmarks.jar com.acme.bench.run.SideBySide} ({@code ... SideBySide sets}: a
 * tracked {@code HashSet} and one outside; {@code chm}: the same steps on a {@code ConcurrentHashMap}, tracked
 * and outside; {@code compute} or {@code compute-chm}: {@code computeIfAbsent}
 * and {@code merge} on a {@code HashMap} or {@code ConcurrentHashMap}, tracked and outside; {@code lru}: a bounded LRU cache (a {@code LinkedHashMap}
 * subclass) evicting on every put, tracked and outside; {@code lru-pair}: two such caches of one class
 * in turn, through one call site; {@code short}: a
 * new map per request, tracked package and outside; {@code service}: the demo's request handling, tracked
 * ({@code packages=com.acme.demo}) and its copy outside, see {@link ServiceSides}). The JDK warm-up first passes every kind of map and set
 * through the chosen code's call sites, as in a service.
 */
public final class SideBySide {

    private SideBySide() {
    }

    /** Prints the median ns per step of each map, and the differences to the outside one. */
    public static void main(String[] args) {
        JdkMapsWarmup.runForTools();
        String[] names;
        IntUnaryOperator[] steps;
        int n = 1_000_000; // steps per round
        if (args.length > 0 && args[0].equals("sets")) { // add+contains+remove on a tracked HashSet and on one outside
            com.acme.bench.tracked.HotHashSet tracked = new com.acme.bench.tracked.HotHashSet();
            com.acme.bench.outside.HotHashSet outside = new com.acme.bench.outside.HotHashSet();
            names = new String[] {"tracked set", "outside set"};
            steps = new IntUnaryOperator[] {i -> tracked.step(i) ? 1 : 0, i -> outside.step(i) ? 1 : 0};
        } else if (args.length > 0 && args[0].equals("chm")) { // put+get+remove on a tracked ConcurrentHashMap and on one outside
            com.acme.bench.tracked.HotConcurrentMap tracked = new com.acme.bench.tracked.HotConcurrentMap();
            com.acme.bench.outside.HotConcurrentMap outside = new com.acme.bench.outside.HotConcurrentMap();
            names = new String[] {"tracked chm", "outside chm"};
            steps = new IntUnaryOperator[] {i -> valueOf(tracked.step(i)), i -> valueOf(outside.step(i))};
        } else if (args.length > 0 && args[0].equals("short")) { // a new map per request, 4 puts, 2 gets, dropped
            com.acme.bench.tracked.RequestMaps tracked = new com.acme.bench.tracked.RequestMaps();
            com.acme.bench.outside.RequestMaps outside = new com.acme.bench.outside.RequestMaps();
            names = new String[] {"tracked", "outside"};
            steps = new IntUnaryOperator[] {i -> tracked.handle(i).size(), i -> outside.handle(i).size()};
        } else if (args.length > 0 && args[0].startsWith("compute")) { // computeIfAbsent x2 + merge + remove, tracked and outside
            boolean concurrent = args[0].equals("compute-chm");
            com.acme.bench.tracked.ComputedCounts tracked = concurrent ? com.acme.bench.tracked.ComputedCounts.concurrentHashMap()
                    : com.acme.bench.tracked.ComputedCounts.hashMap();
            com.acme.bench.outside.ComputedCounts outside = concurrent ? com.acme.bench.outside.ComputedCounts.concurrentHashMap()
                    : com.acme.bench.outside.ComputedCounts.hashMap();
            names = new String[] {"tracked", "outside"};
            steps = new IntUnaryOperator[] {i -> valueOf(tracked.step(i)), i -> valueOf(outside.step(i))};
        } else if (args.length > 0 && args[0].equals("lru")) { // an evicting put + a hit on a LinkedHashMap subclass, tracked and outside
            com.acme.bench.tracked.BoundedCache tracked = new com.acme.bench.tracked.BoundedCache();
            com.acme.bench.outside.BoundedCache outside = new com.acme.bench.outside.BoundedCache();
            names = new String[] {"tracked lru", "outside lru"};
            steps = new IntUnaryOperator[] {i -> valueOf(tracked.step(i)), i -> valueOf(outside.step(i))};
        } else if (args.length > 0 && args[0].equals("lru-pair")) { // two caches of one class in turn, tracked and outside
            com.acme.bench.tracked.TwoCaches tracked = new com.acme.bench.tracked.TwoCaches();
            com.acme.bench.outside.TwoCaches outside = new com.acme.bench.outside.TwoCaches();
            names = new String[] {"tracked pair", "outside pair"};
            steps = new IntUnaryOperator[] {i -> valueOf(tracked.step(i)), i -> valueOf(outside.step(i))};
        } else if (args.length > 0 && args[0].equals("service")) { // the demo's request handling, tracked package and outside copy
            ServiceSides sides = new ServiceSides();
            names = new String[] {"tracked", "outside"};
            steps = new IntUnaryOperator[] {i -> sides.tracked(), i -> sides.outside()};
            n = 20_000;
        } else {
            com.acme.bench.tracked.HotHashMap tracked = new com.acme.bench.tracked.HotHashMap();
            com.acme.bench.tracked.SampledOutMap unpicked = new com.acme.bench.tracked.SampledOutMap();
            com.acme.bench.outside.HotHashMap outside = new com.acme.bench.outside.HotHashMap();
            names = new String[] {"tracked", "sampled out", "outside"};
            steps = new IntUnaryOperator[] {
                i -> valueOf(tracked.step(i)), i -> valueOf(unpicked.step(i)), i -> valueOf(outside.step(i))};
        }
        // Many short rounds, each running every map once in an order that rotates from round to round; a
        // difference is taken within a round (runs a fraction of a second apart), so that this machine's
        // slow phases, which last seconds, shift both sides of a difference alike.
        int rounds = 200;
        int warmupRounds = 50;
        double[][] times = new double[steps.length][rounds - warmupRounds];
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int j = 0; j < steps.length; j++) {
                int k = (round + j) % steps.length;
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    sink += steps[k].applyAsInt(i);
                }
                if (round >= warmupRounds) {
                    times[k][round - warmupRounds] = (System.nanoTime() - start) / (double) n;
                }
            }
        }
        printAgainstLast(names, times);
        System.out.println("(checksum " + sink + ")");
    }

    /**
     * Prints, per map, the median of its times per step and of its differences to the last map's within
     * each round, {@code times[map][round]} in ns per step.
     */
    static void printAgainstLast(String[] names, double[][] times) {
        int last = times.length - 1;
        for (int k = 0; k < times.length; k++) {
            List<Double> own = new ArrayList<>();
            List<Double> added = new ArrayList<>();
            for (int r = 0; r < times[k].length; r++) {
                own.add(times[k][r]);
                added.add(times[k][r] - times[last][r]);
            }
            System.out.printf(Locale.ROOT, "%-12s %6.2f ns/step  %+5.2f ns vs outside  (same-round differences: p25 %+.2f, p75 %+.2f)%n",
                    names[k], median(own), median(added), percentile(added, 25), percentile(added, 75));
        }
    }

    static int valueOf(Integer read) {
        return read == null ? 0 : read;
    }

    private static double median(List<Double> values) {
        return percentile(values, 50);
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
