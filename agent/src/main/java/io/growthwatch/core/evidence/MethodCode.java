package io.growthwatch.core.evidence;

import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Visits one method's code and tells, at its end, which fields it reads and writes and which
 * no-argument methods it calls, and whether it is a plain getter ({@code return this.f;} and nothing
 * else), whose read is a use only where the getter is called.
 */
abstract class MethodCode extends MethodVisitor {

    /** {@code toString()} reads fields to print them, which is not using them. */
    private static final String TO_STRING = "toString";
    private static final String TO_STRING_DESCRIPTOR = "()Ljava/lang/String;";

    final String className;
    final String name;
    final String descriptor;
    private final boolean instanceNoArgs;
    private final boolean printsOnly;
    private int instructions;
    private boolean loadsThisFirst;
    private String gotField; // the field of the second instruction when it is a GETFIELD of this class
    private boolean returnsThird;

    MethodCode(String className, int access, String name, String descriptor) {
        super(Opcodes.ASM9);
        this.className = className;
        this.name = name;
        this.descriptor = descriptor;
        this.instanceNoArgs = (access & Opcodes.ACC_STATIC) == 0 && descriptor.startsWith("()");
        this.printsOnly = TO_STRING.equals(name) && TO_STRING_DESCRIPTOR.equals(descriptor);
    }

    /** A field of {@code owner} read here (not reported for {@code toString()}). */
    abstract void read(String owner, String field);

    /** A field of {@code owner} written here. */
    abstract void written(String owner, String field);

    /** A no-argument method called or referenced here. */
    abstract void called(String owner, String method, String methodDescriptor);

    /** The method is over; {@code getterOf} is the field it returns when it is a plain getter, else null. */
    abstract void end(String getterOf);

    private void step() {
        instructions++;
    }

    @Override
    public void visitVarInsn(int opcode, int var) {
        step();
        if (instructions == 1 && opcode == Opcodes.ALOAD && var == 0) {
            loadsThisFirst = true;
        }
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
        step();
        if (opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC) {
            if (instructions == 2 && loadsThisFirst && opcode == Opcodes.GETFIELD && owner.equals(className)) {
                gotField = field;
            }
            if (!printsOnly) {
                pendingRead(owner, field);
            }
        } else {
            written(owner, field);
        }
    }

    private String pendingOwner;
    private String pendingField;

    /** Holds the one read a getter makes until the method's end shows whether it is a getter. */
    private void pendingRead(String owner, String field) {
        if (instructions == 2 && gotField != null) {
            pendingOwner = owner;
            pendingField = field;
        } else {
            read(owner, field);
        }
    }

    @Override
    public void visitInsn(int opcode) {
        step();
        if (instructions == 3 && opcode >= Opcodes.IRETURN && opcode <= Opcodes.ARETURN) {
            returnsThird = true;
        }
    }

    @Override
    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor, boolean isInterface) {
        step();
        if (methodDescriptor.startsWith("()")) {
            called(owner, method, methodDescriptor);
        }
    }

    @Override
    public void visitInvokeDynamicInsn(String method, String methodDescriptor, Handle bootstrap, Object... arguments) {
        step();
        for (Object argument : arguments) {
            if (argument instanceof Handle h) {
                handle(h);
            }
        }
    }

    @Override
    public void visitLdcInsn(Object value) {
        step();
        if (value instanceof Handle h) {
            handle(h);
        }
    }

    /** A method reference or a record's generated accessor handle: a call or a read. */
    private void handle(Handle h) {
        int tag = h.getTag();
        if (tag == Opcodes.H_GETFIELD || tag == Opcodes.H_GETSTATIC) {
            read(h.getOwner(), h.getName());
        } else if (tag == Opcodes.H_PUTFIELD || tag == Opcodes.H_PUTSTATIC) {
            written(h.getOwner(), h.getName());
        } else if (h.getDesc().startsWith("()")) {
            called(h.getOwner(), h.getName(), h.getDesc());
        }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        step();
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        step();
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        step();
    }

    @Override
    public void visitIincInsn(int var, int increment) {
        step();
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        step();
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        step();
    }

    @Override
    public void visitMultiANewArrayInsn(String type, int dimensions) {
        step();
    }

    @Override
    public void visitEnd() {
        boolean getter = instanceNoArgs && instructions == 3 && gotField != null && returnsThird;
        if (!getter && pendingOwner != null) {
            read(pendingOwner, pendingField);
        }
        end(getter ? gotField : null);
    }
}
