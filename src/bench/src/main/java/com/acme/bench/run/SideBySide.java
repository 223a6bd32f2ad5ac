package com.acme.bench.run;

import com.acme.bench.jmh.JdkMapsWarmup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * The same put+get+remove steps on three long-lived maps in one JVM, taking turns for 30 rounds: a
 * map the agent tracks ({@code com.acme.bench.tracked.HotHashMap}), a map of the same package that
 * sampling left out ({@code SampledOutMap}) and a map outside the chosen packages. All three share
 * the JVM's JIT state and the machine's moment, so their differences are the agent's hooks, with
 * little of the noise that separates forks.
 *
 * <p>{@code java -javaagent:agent/target/growthwatch-agent.jar=packages=com.acme.bench.tracked
 * -cp src/bench/target/benchmarks.jar com.acme.bench.run.SideBySide} ({@code ... SideBySide sets}: a
 * tracked {@code HashSet} and one outside).
 */
public final class SideBySide {

    private SideBySide() {
    }

    /** Prints the median ns per step of each map, and the differences to the outside one. */
    public static void main(String[] args) {
        JdkMapsWarmup.runForTools();
        String[] names;
        IntUnaryOperator[] steps;
        if (args.length > 0 && args[0].equals("sets")) { // add+contains+remove on a tracked HashSet and on one outside
            com.acme.bench.tracked.HotHashSet tracked = new com.acme.bench.tracked.HotHashSet();
            com.acme.bench.outside.HotHashSet outside = new com.acme.bench.outside.HotHashSet();
            names = new String[] {"tracked set", "outside set"};
            steps = new IntUnaryOperator[] {i -> tracked.step(i) ? 1 : 0, i -> outside.step(i) ? 1 : 0};
        } else {
            com.acme.bench.tracked.HotHashMap tracked = new com.acme.bench.tracked.HotHashMap();
            com.acme.bench.tracked.SampledOutMap unpicked = new com.acme.bench.tracked.SampledOutMap();
            com.acme.bench.outside.HotHashMap outside = new com.acme.bench.outside.HotHashMap();
            names = new String[] {"tracked", "sampled out", "outside"};
            steps = new IntUnaryOperator[] {
                i -> valueOf(tracked.step(i)), i -> valueOf(unpicked.step(i)), i -> valueOf(outside.step(i))};
        }
        List<List<Double>> times = new ArrayList<>();
        for (int k = 0; k < steps.length; k++) {
            times.add(new ArrayList<>());
        }
        long sink = 0;
        int n = 5_000_000;
        for (int round = 0; round < 40; round++) {
            for (int k = 0; k < steps.length; k++) {
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    sink += steps[k].applyAsInt(i);
                }
                if (round >= 10) {
                    times.get(k).add((System.nanoTime() - start) / (double) n);
                }
            }
        }
        double base = median(times.get(steps.length - 1));
        for (int k = 0; k < steps.length; k++) {
            double m = median(times.get(k));
            System.out.printf(Locale.ROOT, "%-12s %6.2f ns/step  %+5.2f ns vs outside  (p25 %.2f, p75 %.2f)%n", names[k], m,
                    m - base, percentile(times.get(k), 25), percentile(times.get(k), 75));
        }
        System.out.println("(checksum " + sink + ")");
    }

    private static int valueOf(Integer read) {
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
