package com.acme.bench.run;

import java.util.regex.Pattern;

/**
 * How long and how much to measure: the full run (about 14 minutes on 2 cores, plus at most 2 waiting
 * for a quiet machine) or a {@code -quick} smoke run (about 4 minutes), with the command line's overrides.
 *
 * @param quick           whether this is the smoke run
 * @param forks           JMH forks per configuration (time rows: one per round, configurations taking turns)
 * @param warmups         warm-up iterations of a timed run
 * @param slowWarmups     warm-up iterations of the service rows, whose large code takes longer to compile
 * @param warmupMillis    length of a warm-up iteration
 * @param iterations      measurement iterations of a timed run
 * @param iterationMillis length of a measurement iteration
 * @param noisyRounds     factor of rounds for the rows that vary most between forks (two threads, service)
 * @param noisyIterations measurement iterations per round of those rows
 * @param startupWarmups  warm-up shots of the trivial main
 * @param startupShots    measured shots of the trivial main
 * @param classes         generated classes defined per shot
 * @param classWarmups    warm-up shots of the class definition benchmark
 * @param classShots      measured shots of the class definition benchmark
 * @param liveMaps        live maps of the one-site memory scenario
 * @param sites           allocation sites of the many-site memory scenario
 * @param mapsPerSite     live maps per site there
 * @param shortFirst      short-lived maps before the first reading
 * @param shortTotal      short-lived maps in all
 * @param only            the rows to run, or null for all
 * @param agentJar        the agent jar given on the command line, or null
 * @param warmup          the JIT history every fork gets before it measures: {@code service}, {@code jdk} or {@code none} ({@code JdkMapsWarmup})
 */
record RunSettings(boolean quick, int forks, int warmups, int slowWarmups, int warmupMillis, int iterations,
                   int iterationMillis, int noisyRounds, int noisyIterations, int startupWarmups, int startupShots,
                   int classes, int classWarmups, int classShots, int liveMaps, int sites, int mapsPerSite,
                   long shortFirst, long shortTotal, Pattern only, String agentJar, String warmup) {

    /** Sampling interval of the agent in timed benchmarks. */
    static final String INTERVAL = "10s";

    /** Sampling interval in the memory probes: long, so no purge helps and the heap seen is the worst case. */
    static final String MEMORY_INTERVAL = "10m";

    static final String USAGE = """
            usage: java -jar benchmarks.jar [-quick] [-forks N] [-only REGEX] [-agent PATH] [-list]
              -quick       short smoke run (1x0.5s warm-up, 2x0.5s measurement, smaller memory runs)
              -forks N     JMH forks per configuration of a time row, run one per round (default 1)
              -only REGEX  run only the rows whose id matches (see -list)
              -agent PATH  the agent jar (default: agent/target/growthwatch-agent.jar of this checkout)
              -jdkWarmup   warm the JDK's maps with their own classes only, not with subclasses as a service does
              -sterile     skip the warm-up that gives every fork a service's JIT state (see README)
              -list        print the row ids and exit""";

    /** Parses the command line; throws {@link IllegalArgumentException} with the usage on bad input. */
    static RunSettings parse(String[] args) {
        boolean quick = false;
        Integer forks = null;
        Pattern only = null;
        String agent = null;
        String warmup = "service";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-quick" -> quick = true;
                case "-forks" -> forks = Integer.parseInt(value(args, ++i));
                case "-only" -> only = Pattern.compile(value(args, ++i));
                case "-agent" -> agent = value(args, ++i);
                case "-sterile" -> warmup = "none";
                case "-jdkWarmup" -> warmup = "jdk";
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "\n" + USAGE);
            }
        }
        int f = forks != null ? forks : 1;
        return quick
                ? new RunSettings(true, f, 1, 1, 500, 2, 500, 1, 2, 1, 3, 500, 1, 2,
                        100_000, 2_000, 50, 100_000, 1_000_000, only, agent, warmup)
                : new RunSettings(false, f, 3, 5, 1_000, 5, 1_000, 2, 3, 2, 10, 2_500, 2, 8,
                        100_000, 2_000, 50, 1_000_000, 10_000_000, only, agent, warmup);
    }

    /** Whether the row {@code id} is selected. */
    boolean selects(String id) {
        return only == null || only.matcher(id).find();
    }

    /** One line describing the JMH settings, for the report. */
    String describe() {
        return String.format("JMH 1.37, %d fork(s) per configuration, one per round, the configurations taking turns"
                        + " (each going first in turn); warm-up %dx%.1fs (service rows %dx), measurement %dx%.1fs"
                        + " (two-thread and service rows: %d times as many rounds, %dx);"
                        + " startup %d+%d shots; instrumentation %,d classes, %d+%d shots; JIT history of every fork: %s",
                forks, warmups, warmupMillis / 1000.0, slowWarmups, iterations, iterationMillis / 1000.0,
                noisyRounds, noisyIterations, startupWarmups, startupShots, classes, classWarmups, classShots,
                switch (warmup) {
                    case "none" -> "none (-sterile)";
                    case "jdk" -> "the JDK's maps with six key types, their own classes only (-jdkWarmup)";
                    default -> "the JDK's maps and two framework-like subclasses with six key types, then one map or set of every counted kind changed through the chosen package's call sites (JdkMapsWarmup)";
                });
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
