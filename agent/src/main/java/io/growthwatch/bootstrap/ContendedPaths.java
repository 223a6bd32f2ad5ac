package io.growthwatch.bootstrap;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.function.LongBinaryOperator;

/**
 * Takes, once and on the thread that starts the agent, the paths that hooks take only when threads
 * share a concurrent map. The first run of a path links its {@code VarHandle} call sites while
 * holding a lock of the VM, and a virtual thread that waits for that lock is pinned to its carrier
 * (seen with 2,000 virtual threads counting into one map on Java 25, in the JDK's
 * {@code LongAdder} under {@link Tally.Shared}). Taken here, the links exist before any application
 * thread counts.
 */
final class ContendedPaths {

    private ContendedPaths() {
    }

    /**
     * Whether this JVM has virtual threads (Java 21 on), the only threads that waiting for a link
     * pins; on older JVMs the paths are left to link at first use, which costs their start-up nothing.
     */
    static boolean needed() {
        return Runtime.version().feature() >= 21;
    }

    /** Takes every such path once; records a failure as a fault, never throws. */
    static void take() {
        try {
            PendingCall.takeStrangersPath();
            new Tally.Shared().inserts.increment();
            contendStripedCounter();
        } catch (Throwable t) {
            Faults.record(t);
        }
    }

    /**
     * Takes the JDK's striped counter (under the {@code LongAdder}s of {@link Tally.Shared}) through
     * its contended paths on one thread: an update function that first updates the same accumulator
     * itself makes the caller's compare-and-set fail, once on the base (the counter then makes its
     * cells), once on a cell (the thread is then moved to another cell).
     */
    private static void contendStripedCounter() {
        Reentering function = new Reentering();
        LongAccumulator accumulator = new LongAccumulator(function, 0);
        function.accumulator = accumulator;
        accumulator.accumulate(1); // the base changes under the caller: cells are made
        function.reentering = true;
        accumulator.accumulate(1); // the caller's cell changes under it: the probe advances
    }

    /** Sum, which first adds to its accumulator itself, once each time it is told to. */
    private static final class Reentering implements LongBinaryOperator {

        LongAccumulator accumulator;
        boolean reentering = true;

        @Override
        public long applyAsLong(long value, long x) {
            if (reentering) {
                reentering = false;
                accumulator.accumulate(x);
            }
            return value + x;
        }
    }
}
