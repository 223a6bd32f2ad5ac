package jdk.internal.misc;

import java.security.ProtectionDomain;

/**
 * Compile-time stand-in for the JDK's internal class of this name, which {@code --release 17} does
 * not expose: the few methods the agent's start-up calls on it directly, once {@code java.base} has
 * exported the package to the agent. Never compiled to a class file (see the agent's pom): the
 * compiler reads its signatures from the source path, and at run time the JDK's own class answers.
 */
public final class Unsafe {

    private Unsafe() {
    }

    /** The JDK's instance. */
    public static Unsafe getUnsafe() {
        throw new UnsupportedOperationException("compile-time stand-in");
    }

    /** Defines a class in {@code loader} (null: the bootstrap loader). */
    public Class<?> defineClass(String name, byte[] code, int offset, int length, ClassLoader loader,
                                ProtectionDomain domain) {
        throw new UnsupportedOperationException("compile-time stand-in");
    }

    /** The offset of the field {@code name} of {@code type}, whether reflection shows the field or not. */
    public long objectFieldOffset(Class<?> type, String name) {
        throw new UnsupportedOperationException("compile-time stand-in");
    }

    /** A volatile store of a reference. */
    public void putReferenceVolatile(Object object, long offset, Object value) {
        throw new UnsupportedOperationException("compile-time stand-in");
    }
}
