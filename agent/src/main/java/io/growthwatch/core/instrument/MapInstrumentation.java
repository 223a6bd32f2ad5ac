package io.growthwatch.core.instrument;

import io.growthwatch.bootstrap.EldestOverrides;
import io.growthwatch.core.evidence.FieldUse;
import io.growthwatch.core.evidence.FieldUseScanner;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The class file transformer: rewrites classes of the chosen packages as they load or are
 * retransformed. Never throws and never logs: a class it cannot rewrite loads unchanged, and the
 * failure is counted for the agent's background thread to report.
 */
public final class MapInstrumentation implements ClassFileTransformer {

    private final PackageFilter filter;
    private final ClassLoader ownLoader;
    private final MapHierarchy hierarchy = new MapHierarchy();
    private final FieldUse fieldUse = new FieldUse();
    private final FieldUseScanner fieldScanner;
    private final AtomicLong transformed = new AtomicLong();
    private final AtomicLong matched = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong nanos = new AtomicLong();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();

    private final boolean failOnPurpose;

    /** Creates a transformer for the classes {@code filter} accepts. */
    public MapInstrumentation(PackageFilter filter) {
        this(filter, false);
    }

    /** As {@link #MapInstrumentation(PackageFilter)}; with {@code failOnPurpose} every rewrite fails (fault-injection tests). */
    public MapInstrumentation(PackageFilter filter, boolean failOnPurpose) {
        this.filter = filter;
        this.failOnPurpose = failOnPurpose;
        this.fieldScanner = new FieldUseScanner(fieldUse, filter);
        this.ownLoader = MapInstrumentation.class.getClassLoader();
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
                            ProtectionDomain domain, byte[] classfile) {
        if (loader == ownLoader || !filter.matches(className)) {
            return null;
        }
        matched.incrementAndGet();
        long start = System.nanoTime();
        try {
            if (failOnPurpose) {
                throw new IllegalStateException("fault injected into the transformer (test)");
            }
            byte[] rewritten = rewrite(loader, className, classfile);
            if (rewritten != null) {
                transformed.incrementAndGet();
            }
            return rewritten;
        } catch (Throwable t) {
            failed.incrementAndGet();
            lastFailure.set(className.replace('/', '.') + ": " + t);
            return null;
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    /** Returns the rewritten class file, or null when the class has nothing to rewrite. */
    byte[] rewrite(ClassLoader loader, String className, byte[] classfile) {
        ClassReader reader = new ClassReader(classfile);
        hierarchy.learn(loader, className, reader.getSuperName());
        fieldScanner.scan(reader);
        if (!ConstantPoolScan.mayRewrite(reader, loader, hierarchy)) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, 0);
        SiteRewriter rewriter = new SiteRewriter(writer, reader, loader, className, hierarchy);
        reader.accept(rewriter, ClassReader.EXPAND_FRAMES); // the form the twin branches' frame adapter follows
        if (rewriter.rewrites() == 0) {
            return null;
        }
        byte[] rewritten = writer.toByteArray();
        if (rewriter.reportsEldest()) {
            EldestOverrides.instrumented(className.replace('/', '.'));
        }
        return rewritten;
    }

    /** What the classes of the chosen packages seen so far do with their fields. */
    public FieldUse fieldUse() {
        return fieldUse;
    }

    /** The chosen packages. */
    public PackageFilter filter() {
        return filter;
    }

    /** Whether the class is one this transformer rewrites. */
    public boolean accepts(Class<?> type) {
        return type.getClassLoader() != ownLoader && filter.matches(type.getName().replace('.', '/'));
    }

    /** Classes of the chosen packages seen so far (loaded or retransformed), rewritten or not. */
    public long matchedCount() {
        return matched.get();
    }

    /** Time spent reading and rewriting classes of the chosen packages so far, on the threads that loaded them. */
    public long transformMillis() {
        return nanos.get() / 1_000_000;
    }

    /** Classes rewritten so far. */
    public long transformedCount() {
        return transformed.get();
    }

    /** Classes that could not be rewritten and were loaded unchanged. */
    public long failedCount() {
        return failed.get();
    }

    /** The class and error of the most recent failure, or null; clears it. */
    public String takeLastFailure() {
        return lastFailure.getAndSet(null);
    }
}
