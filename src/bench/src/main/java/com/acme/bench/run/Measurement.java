package com.acme.bench.run;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.ListStatistics;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of one benchmark in one configuration, possibly over several rounds (forks): the scores
 * of all measurement iterations (or shots), their unit, and the share of the CPUs that other processes
 * took meanwhile. Reports the median and the half-width of the 99.9% confidence interval of the mean.
 */
record Measurement(List<Double> scores, List<Double> forkMedians, String unit, double otherLoad,
                   List<Double> allocatedPerOp, List<Double> gcMillisPerFork) {

    /**
     * Reads the iteration scores of a JMH run, with the GC profiler's bytes allocated per operation and
     * GC time when it ran; {@code otherLoad} is the share of the CPUs others used.
     */
    static Measurement of(RunResult result, double otherLoad) {
        List<Double> scores = new ArrayList<>();
        List<Double> forkMedians = new ArrayList<>();
        List<Double> allocated = new ArrayList<>();
        List<Double> gcMillis = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            ListStatistics forkScores = new ListStatistics();
            double forkGc = 0;
            boolean gcSeen = false;
            for (IterationResult iteration : fork.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
                forkScores.addValue(iteration.getPrimaryResult().getScore());
                for (var secondary : iteration.getSecondaryResults().entrySet()) {
                    if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                        allocated.add(secondary.getValue().getScore());
                    } else if (secondary.getKey().endsWith("gc.time")) {
                        forkGc += secondary.getValue().getScore();
                        gcSeen = true;
                    }
                }
            }
            forkMedians.add(forkScores.getPercentile(50));
            if (gcSeen) {
                gcMillis.add(forkGc);
            }
        }
        return new Measurement(List.copyOf(scores), List.copyOf(forkMedians), result.getPrimaryResult().getScoreUnit(),
                otherLoad, List.copyOf(allocated), List.copyOf(gcMillis));
    }

    /** All rounds of one configuration as one measurement; the others' share is the rounds' mean. */
    static Measurement combine(List<Measurement> rounds) {
        List<Double> scores = new ArrayList<>();
        List<Double> forkMedians = new ArrayList<>();
        List<Double> allocated = new ArrayList<>();
        List<Double> gcMillis = new ArrayList<>();
        double load = 0;
        for (Measurement m : rounds) {
            scores.addAll(m.scores);
            forkMedians.addAll(m.forkMedians);
            allocated.addAll(m.allocatedPerOp);
            gcMillis.addAll(m.gcMillisPerFork);
            load += m.otherLoad;
        }
        return new Measurement(List.copyOf(scores), List.copyOf(forkMedians), rounds.get(0).unit, load / rounds.size(),
                List.copyOf(allocated), List.copyOf(gcMillis));
    }

    /** Median bytes allocated per operation (JMH's {@code gc.alloc.rate.norm}), or NaN when not profiled. */
    double bytesPerOp() {
        return median(allocatedPerOp);
    }

    /** Median GC time per fork in milliseconds, or NaN when not profiled. */
    double gcMillis() {
        return median(gcMillisPerFork);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        ListStatistics stats = new ListStatistics();
        values.forEach(stats::addValue);
        return stats.getPercentile(50);
    }

    /** The median score. */
    double median() {
        return statistics().getPercentile(50);
    }

    /** Half-width of the 99.9% confidence interval of the mean, or NaN with fewer than three scores. */
    double error() {
        ListStatistics stats = statistics();
        return stats.getN() > 2 ? stats.getMeanErrorAt(0.999) : Double.NaN;
    }

    /** The error relative to the median; 0 when unknown. */
    double relativeError() {
        double error = error();
        double median = median();
        return Double.isFinite(error) && median > 0 ? error / median : 0;
    }

    private ListStatistics statistics() {
        ListStatistics stats = new ListStatistics();
        scores.forEach(stats::addValue);
        return stats;
    }
}
