package com.acme.bench.jmh;

import com.acme.bench.gen.ClassGenerator;
import com.acme.bench.gen.GeneratedClassLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Issue 5, benchmark 5b: time to define, link and initialize a few thousand small classes of the
 * tracked package (each with one map allocation and one {@code put}), in a fresh class loader per shot.
 * With the agent tracking, every class is rewritten as it is defined.
 *
 * <p>Each shot registers two sites per class with the agent, which holds at most 65,536: keep
 * {@code classes * 2 * (warmup + measurement shots)} below that.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class InstrumentBench extends AgentCheck {

    /** Package of the generated classes: inside the tracked package. */
    public static final String PACKAGE = "com.acme.bench.tracked.gen";

    /** Classes defined per shot. */
    @Param("2500")
    public int classes;

    private Map<String, byte[]> classFiles;

    /** Generates the class files once per fork. */
    @Setup
    public void generate() {
        classFiles = ClassGenerator.generate(PACKAGE, classes);
    }

    /** Defines, links and initializes all classes in a new loader; returns how many. */
    @Benchmark
    public int defineClasses() throws ClassNotFoundException {
        return new GeneratedClassLoader(classFiles, InstrumentBench.class.getClassLoader()).loadAll();
    }
}
