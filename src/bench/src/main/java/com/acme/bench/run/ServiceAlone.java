package com.acme.bench.run;

import com.acme.bench.jmh.JdkMapsWarmup;
import com.acme.bench.jmh.ServiceBench;

import java.util.Arrays;
import java.util.Locale;

/**
 * One copy of the demo's request handling alone in a JVM, as a JMH fork of the service row runs it,
 * for comparing whole JVMs started differently (without an agent, with an empty agent, with
 * growthwatch matching nothing) many times over, faster than JMH forks: {@code java [-javaagent:...]
 * -cp src/bench/target/benchmarks.jar com.acme.bench.run.ServiceAlone tracked|outside [rounds]}.
 * Prints the median ns per request over the second half of the rounds (20,000 requests each), with
 * the quartiles.
 */
public final class ServiceAlone {

    private ServiceAlone() {
    }

    /** Runs the rounds and prints the median ns per request. */
    public static void main(String[] args) {
        JdkMapsWarmup.runForTools();
        boolean tracked = args.length > 0 && args[0].equals("tracked");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        ServiceBench bench = new ServiceBench();
        ServiceBench.Queries queries = new ServiceBench.Queries();
        queries.build();
        ServiceBench.Cursor cursor = new ServiceBench.Cursor();
        ServiceBench.Tracked trackedService = tracked ? new ServiceBench.Tracked() : null;
        ServiceBench.Outside outsideService = tracked ? null : new ServiceBench.Outside();
        if (tracked) {
            trackedService.warm(queries);
        } else {
            outsideService.warm(queries);
        }
        double[] nsPerRequest = new double[rounds];
        long checksum = 0;
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            for (int i = 0; i < ServiceBench.CLIENTS; i++) {
                checksum += (tracked ? bench.tracked(trackedService, queries, cursor)
                        : bench.outside(outsideService, queries, cursor)).length();
            }
            nsPerRequest[r] = (System.nanoTime() - start) / (double) ServiceBench.CLIENTS;
        }
        double[] measured = Arrays.copyOfRange(nsPerRequest, rounds / 2, rounds);
        Arrays.sort(measured);
        System.out.printf(Locale.ROOT, "%s: %.1f ns/request (p25 %.1f, p75 %.1f; checksum %d)%n", tracked ? "tracked" : "outside",
                measured[measured.length / 2], measured[measured.length / 4], measured[3 * measured.length / 4], checksum);
    }
}
