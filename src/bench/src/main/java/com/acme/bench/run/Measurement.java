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
record Measurement(List<Double> scores, String unit, double otherLoad) {

    /** Reads the iteration scores of a JMH run; {@code otherLoad} is the share of the CPUs others used. */
    static Measurement of(RunResult result, double otherLoad) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
            }
        }
        return new Measurement(List.copyOf(scores), result.getPrimaryResult().getScoreUnit(), otherLoad);
    }

    /** All rounds of one configuration as one measurement; the others' share is the rounds' mean. */
    static Measurement combine(List<Measurement> rounds) {
        List<Double> scores = new ArrayList<>();
        double load = 0;
        for (Measurement m : rounds) {
            scores.addAll(m.scores);
            load += m.otherLoad;
        }
        return new Measurement(List.copyOf(scores), rounds.get(0).unit, load / rounds.size());
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
