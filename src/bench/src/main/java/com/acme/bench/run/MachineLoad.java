package com.acme.bench.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How busy the machine is with work other than this run: the CPU time of the whole machine
 * ({@code /proc/stat}) minus that of this JVM and its reaped child processes ({@code /proc/self/stat},
 * whose children's times include every benchmark fork once it has exited). Gives a gate that waits for
 * quiet before a measurement, and a watch that tells afterwards what share of the CPUs others took.
 */
final class MachineLoad {

    /** Clock ticks per second of {@code /proc} (USER_HZ): 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    private static final int CPUS = Runtime.getRuntime().availableProcessors();

    private MachineLoad() {
    }

    /**
     * Waits until others use less than {@code maxShare} of the CPUs over half a second, for at most
     * about {@code maxSeconds}; returns the whole seconds waited. Call it while this run itself is idle.
     */
    static int awaitQuiet(double maxShare, int maxSeconds) {
        long start = System.nanoTime();
        while (true) {
            Watch watch = watch();
            sleep(500);
            int waited = (int) ((System.nanoTime() - start) / 1_000_000_000L);
            if (watch.stop() < maxShare || waited >= maxSeconds) {
                return waited;
            }
        }
    }

    /** Starts a watch over the CPU time of the machine and of this process tree. */
    static Watch watch() {
        return new Watch();
    }

    /** CPU time of the machine and of this process tree since it was started. */
    static final class Watch {
        private final long machineStart = machineTicks();
        private final long ownStart = ownTicks();
        private final long startNanos = System.nanoTime();

        private Watch() {
        }

        /**
         * The share (0..1) of all CPUs used by other processes since the start, or 0 when
         * {@code /proc} cannot be read. Exact once every child process started meanwhile has exited.
         */
        double stop() {
            long machine = machineTicks();
            long own = ownTicks();
            if (machineStart < 0 || ownStart < 0 || machine < 0 || own < 0) {
                return 0;
            }
            double wall = (System.nanoTime() - startNanos) / 1e9;
            double others = ((machine - machineStart) - (own - ownStart)) / TICKS_PER_SECOND;
            return Math.max(0, Math.min(1, others / (wall * CPUS)));
        }
    }

    /** Busy ticks of all CPUs since boot (all but idle and iowait; guest time is inside user), or -1. */
    private static long machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i <= 8 && i < f.length; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime + cutime + cstime of this JVM, in ticks, or -1. */
    private static long ownTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            // after the command name: state is field 3 of the full line, so utime (14) is index 11 here
            return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
