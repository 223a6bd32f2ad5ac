package io.growthwatch.core.evidence;

import java.util.HashMap;
import java.util.Map;

/**
 * Which fields of the chosen packages the classes loaded so far read, which of their no-argument
 * methods they call (a getter's field is read when its getter is), and who writes a field from
 * outside its own class. Filled while classes are transformed, asked when an alert is made.
 *
 * <p>Keeps 32-bit hashes of names, not the names: two names sharing a hash make a field look read,
 * which only ever hides a confession, never invents one. Thread-safe.
 */
public final class FieldUse {

    /** Writers outside the field's own class remembered at most; beyond, such writes are not named. */
    static final int MAX_FOREIGN_WRITERS = 1_024;

    private final IntSet reads = new IntSet();
    private final IntSet invoked = new IntSet();
    private final Map<Integer, String> foreignWriters = new HashMap<>();
    private int classes;
    private int version;

    /** What one class's code does with fields and methods, recorded at once. */
    synchronized void record(int[] fieldReads, int readCount, int[] calls, int callCount,
                             Map<Integer, String> writers) {
        boolean changed = false;
        for (int i = 0; i < readCount; i++) {
            changed |= reads.add(fieldReads[i]);
        }
        for (int i = 0; i < callCount; i++) {
            changed |= invoked.add(calls[i]);
        }
        for (Map.Entry<Integer, String> w : writers.entrySet()) {
            if (foreignWriters.size() < MAX_FOREIGN_WRITERS && !foreignWriters.containsKey(w.getKey())) {
                foreignWriters.put(w.getKey(), w.getValue());
                changed = true;
            }
        }
        classes++;
        if (changed) {
            version++;
        }
    }

    /** Whether code loaded so far reads field {@code name} of {@code owner} (internal name) other than in a getter. */
    public synchronized boolean isRead(String owner, String name) {
        return reads.contains(fieldKey(owner, name));
    }

    /** Whether code loaded so far calls or references a no-argument method {@code name}{@code descriptor}. */
    public synchronized boolean isInvoked(String name, String descriptor) {
        return invoked.contains(methodKey(name, descriptor));
    }

    /** A method outside {@code owner} that writes its field {@code name}, {@code Class.method}, or null. */
    public synchronized String foreignWriter(String owner, String name) {
        return foreignWriters.get(fieldKey(owner, name));
    }

    /** Changes whenever a newly scanned class added something: answers derived earlier may be stale. */
    public synchronized int version() {
        return version;
    }

    /** Classes scanned. */
    public synchronized int classes() {
        return classes;
    }

    /** Estimated heap bytes this bookkeeping holds. */
    public synchronized long footprintBytes() {
        long writers = 0;
        for (String w : foreignWriters.values()) {
            writers += 48 + 40 + w.length(); // map node and boxed key, string
        }
        return reads.footprintBytes() + invoked.footprintBytes() + writers + 64;
    }

    /** Hash of field {@code name} of class {@code owner} (internal name). */
    static int fieldKey(String owner, String name) {
        return combine(owner.hashCode(), name.hashCode());
    }

    /** Hash of method {@code name} with {@code descriptor}, whatever its owner. */
    static int methodKey(String name, String descriptor) {
        return combine(name.hashCode(), descriptor.hashCode());
    }

    private static int combine(int a, int b) {
        int h = a * 0x9E3779B1 + b;
        h ^= h >>> 15;
        h *= 0x85EBCA6B;
        return h ^ (h >>> 13);
    }
}
