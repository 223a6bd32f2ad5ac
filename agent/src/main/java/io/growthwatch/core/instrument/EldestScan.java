package io.growthwatch.core.instrument;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Tells whether a class's {@code removeEldestEntry} override calls a map mutation itself (as
 * {@code LinkedHashMap}'s documentation allows: remove entries, then answer {@code false}): the
 * rewriter then counts the insert as the override begins, before those calls, and the eviction as it
 * returns. Reads only that method's code, and only of a class that declares it.
 */
final class EldestScan extends ClassVisitor {

    private boolean mutates;

    private EldestScan() {
        super(Opcodes.ASM9);
    }

    /**
     * Whether the class of {@code reader} declares a {@code removeEldestEntry} override that calls a
     * map mutation. Asked by the rewriter only when it meets such an override.
     */
    static boolean mutatesInside(ClassReader reader) {
        EldestScan scan = new EldestScan();
        reader.accept(scan, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return scan.mutates;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        if (!SiteRewriter.isEldestOverride(access, name, descriptor)) {
            return null; // its code is skipped unread
        }
        return new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor, boolean isInterface) {
                if (MapTypes.operation(method, methodDescriptor) != null) {
                    mutates = true;
                }
            }
        };
    }
}
