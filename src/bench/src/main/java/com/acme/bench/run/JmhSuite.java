package com.acme.bench.run;

import com.acme.bench.jmh.JdkMapsWarmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs one JMH benchmark under each {@link AgentConfig} in turn, back to back, one fork each, in as
 * many rounds as forks were asked for (more for the rows that vary most), the configuration that goes
 * first changing from round to round: so that the three results of a row share the machine's
 * conditions as far as possible, and a slow phase of the machine or a position in the round favours
 * none of them. (Run as a block of forks per configuration, the rows showed the agent matching nothing
 * +20 % over no agent on {@code ConcurrentHashMap}, which forks taking turns did not.) Before each run it waits, within
 * a budget, for other processes to leave the CPUs alone, records how much CPU they took during the
 * run, and runs once more (keeping the quieter result) when they took much. Each run's JMH log goes to
 * a file.
 */
final class JmhSuite {

    /** Heap of every fork, fixed so that heap sizing does not differ between configurations. */
    private static final List<String> FORK_HEAP = List.of("-Xms1g", "-Xmx1g");

    /** Share of the CPUs that other processes may use when a run starts. */
    private static final double QUIET = 0.15;

    /** Longest wait for quiet before one run. */
    private static final int MAX_WAIT_SECONDS = 60;

    /** A run during which others took more than this share of the CPUs is run once more, keeping the quieter. */
    private static final double RETRY_ABOVE = 0.25;

    /** Runs repeated at most in one benchmark session. */
    private static final int MAX_RETRIES = 12;

    private final RunSettings settings;
    private final Path agentJar;
    private final Path logs;
    private final Progress progress;
    private int waitBudgetSeconds;
    private int waitedSeconds;
    private int retries;

    JmhSuite(RunSettings settings, Path agentJar, Path logs, Progress progress) {
        this.settings = settings;
        this.agentJar = agentJar;
        this.logs = logs;
        this.progress = progress;
        this.waitBudgetSeconds = settings.quick() ? 30 : 120;
    }

    /** Runs repeated so far because others took the CPUs during the first try. */
    int retries() {
        return retries;
    }

    /** Seconds spent waiting for other processes to quieten down so far. */
    int waitedSeconds() {
        return waitedSeconds;
    }

    /**
     * Runs {@code spec} in all three configurations, in as many rounds as {@link #rounds} says, the
     * configurations taking turns within each round; a configuration that failed is left out.
     */
    Map<AgentConfig, Measurement> run(BenchSpec spec) {
        Map<AgentConfig, List<Measurement>> parts = new EnumMap<>(AgentConfig.class);
        Set<AgentConfig> failed = EnumSet.noneOf(AgentConfig.class);
        int rounds = rounds(spec);
        for (int round = 1; round <= rounds; round++) {
            for (AgentConfig config : order(round)) {
                if (failed.contains(config)) {
                    continue;
                }
                String name = spec.id() + "-" + config.name().toLowerCase(Locale.ROOT) + (rounds > 1 ? "-r" + round : "");
                String what = spec.id() + " · " + config.label() + (rounds > 1 ? " · round " + round : "");
                try {
                    Measurement m = measure(spec, config, logs.resolve(name + ".log"), what, false);
                    if (m.otherLoad() > RETRY_ABOVE && retries < MAX_RETRIES) {
                        retries++;
                        Measurement again = measure(spec, config, logs.resolve(name + "-again.log"), what + " (again)", true);
                        m = again.otherLoad() < m.otherLoad() ? again : m;
                    }
                    parts.computeIfAbsent(config, c -> new ArrayList<>()).add(m);
                } catch (RunnerException | RuntimeException e) {
                    failed.add(config);
                    progress.step(what, "FAILED (" + e.getMessage() + "; see " + logs.resolve(name + ".log") + ")");
                }
            }
        }
        Map<AgentConfig, Measurement> results = new EnumMap<>(AgentConfig.class);
        parts.forEach((config, list) -> {
            if (!failed.contains(config)) {
                results.put(config, Measurement.combine(list));
            }
        });
        return results;
    }

    /**
     * Number of runs of each configuration of {@code spec}: for time rows one per fork asked for (more
     * for the rows that vary most between forks), each run a single fork; other rows run once.
     */
    int rounds(BenchSpec spec) {
        if (spec.kind() != BenchSpec.Kind.AVERAGE_TIME) {
            return 1;
        }
        return settings.forks() * (spec.noisy() ? settings.noisyRounds() : 1);
    }

    /** The configurations in the order of round {@code round} (from 1): each goes first in turn. */
    static List<AgentConfig> order(int round) {
        AgentConfig[] all = AgentConfig.values();
        List<AgentConfig> order = new ArrayList<>(all.length);
        for (int i = 0; i < all.length; i++) {
            order.add(all[(round - 1 + i) % all.length]);
        }
        return order;
    }

    /** JMH forks of one run of {@code spec}: one for time rows (the rounds make the forks), else as asked. */
    private int forksPerRun(BenchSpec spec) {
        return spec.kind() == BenchSpec.Kind.AVERAGE_TIME ? 1 : settings.forks();
    }

    /** Waits for quiet (within the budget), runs once, and reports the result with the others' share. */
    private Measurement measure(BenchSpec spec, AgentConfig config, Path log, String what, boolean repeat)
            throws RunnerException {
        int waited = MachineLoad.awaitQuiet(QUIET, Math.min(MAX_WAIT_SECONDS, waitBudgetSeconds));
        waitBudgetSeconds -= waited;
        waitedSeconds += waited;
        MachineLoad.Watch watch = MachineLoad.watch();
        RunResult result = new Runner(options(spec, config, log).build()).runSingle();
        Measurement m = Measurement.of(result, watch.stop());
        String line = Numbers.withError(m) + " " + m.unit() + String.format(Locale.ROOT,
                "  (others %.0f%% of CPUs%s)", m.otherLoad() * 100, waited > 0 ? ", waited " + waited + " s" : "");
        if (repeat) {
            progress.repeat(what, line);
        } else {
            progress.step(what, line);
        }
        return m;
    }

    private ChainedOptionsBuilder options(BenchSpec spec, AgentConfig config, Path log) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(spec.benchmark()) + "$")
                .forks(forksPerRun(spec))
                .jvmArgs(forkArgs(config).toArray(String[]::new))
                .shouldFailOnError(true)
                .output(log.toString());
        return switch (spec.kind()) {
            case AVERAGE_TIME -> options
                    .addProfiler(GCProfiler.class)
                    .warmupIterations(spec.slowWarmup() ? settings.slowWarmups() : settings.warmups())
                    .warmupTime(TimeValue.milliseconds(settings.warmupMillis()))
                    .measurementIterations(spec.noisy() ? settings.noisyIterations() : settings.iterations())
                    .measurementTime(TimeValue.milliseconds(settings.iterationMillis()));
            case STARTUP -> options
                    .warmupIterations(settings.startupWarmups())
                    .measurementIterations(settings.startupShots());
            case CLASSES -> options
                    .param("classes", String.valueOf(settings.classes()))
                    .warmupIterations(settings.classWarmups())
                    .measurementIterations(settings.classShots());
        };
    }

    /**
     * The fork's JVM arguments: the fixed heap, the agent of {@code config}, the same for its children,
     * and the configuration's name for {@code AgentCheck}.
     */
    private List<String> forkArgs(AgentConfig config) {
        List<String> args = new ArrayList<>(FORK_HEAP);
        String agent = config.javaagent(agentJar, RunSettings.INTERVAL);
        args.add("-D" + ChildJvm.CHILD_AGENT + "=" + (agent == null ? "" : agent));
        args.add("-D" + ChildJvm.EXPECT + "=" + config.name());
        args.add("-D" + JdkMapsWarmup.MODE + "=" + settings.warmup());
        if (agent != null) {
            args.add(agent);
        }
        return args;
    }
}
