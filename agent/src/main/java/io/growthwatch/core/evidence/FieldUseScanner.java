package io.growthwatch.core.evidence;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Records into a {@link FieldUse} what one class of the chosen packages does with the fields and
 * no-argument methods of the chosen packages: reads (outside plain getters and {@code toString()}),
 * calls, and writes into other classes' fields. One pass over the code, no frames, no debug data.
 */
public final class FieldUseScanner {

    private final FieldUse use;
    private final Predicate<String> chosen;

    /** Records into {@code use} the names of classes {@code chosen} accepts (internal names, {@code com/acme/Foo}). */
    public FieldUseScanner(FieldUse use, Predicate<String> chosen) {
        this.use = use;
        this.chosen = chosen;
    }

    /** Scans the class {@code reader} holds. */
    public void scan(ClassReader reader) {
        Collector collector = new Collector(reader.getClassName());
        reader.accept(collector, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        use.record(collector.reads, collector.readCount, collector.calls, collector.callCount, collector.writers);
    }

    private final class Collector extends ClassVisitor {
        final String className;
        final String simpleName;
        int[] reads = new int[16];
        int readCount;
        int[] calls = new int[16];
        int callCount;
        final Map<Integer, String> writers = new HashMap<>();

        Collector(String className) {
            super(Opcodes.ASM9);
            this.className = className;
            this.simpleName = className.substring(className.lastIndexOf('/') + 1);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodCode(className, access, name, descriptor) {
                @Override
                void read(String owner, String field) {
                    if (chosen.test(owner)) {
                        if (readCount == reads.length) {
                            reads = Arrays.copyOf(reads, readCount * 2);
                        }
                        reads[readCount++] = FieldUse.fieldKey(owner, field);
                    }
                }

                @Override
                void written(String owner, String field) {
                    if (!owner.equals(className) && chosen.test(owner)) {
                        writers.putIfAbsent(FieldUse.fieldKey(owner, field), simpleName + "." + name);
                    }
                }

                @Override
                void called(String owner, String method, String methodDescriptor) {
                    if (chosen.test(owner)) {
                        if (callCount == calls.length) {
                            calls = Arrays.copyOf(calls, callCount * 2);
                        }
                        calls[callCount++] = FieldUse.methodKey(method, methodDescriptor);
                    }
                }

                @Override
                void end(String getterOf) {
                    // a getter's read is a use only where the getter is called: nothing to record here
                }
            };
        }
    }
}
