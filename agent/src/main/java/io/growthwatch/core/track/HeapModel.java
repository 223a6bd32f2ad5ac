package io.growthwatch.core.track;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Estimates what one entry of a map costs on the heap, and how much heap is left.
 *
 * <p>Per entry: the map's node (shallow, from the node's field layout and the JVM's reference size),
 * its share of the table (table slots per entry times the reference size), and the sizes of a key
 * and value read from one of the maps with what they hold a few fields deep ({@link #payloadBytes}).
 * Objects reachable only deeper are not counted, so the estimate is a floor.
 */
public final class HeapModel {

    private final Instrumentation instrumentation;
    private final int referenceBytes;
    private final int headerBytes;

    /** Creates the model, reading the reference size of this JVM through {@code instrumentation}. */
    public HeapModel(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
        this.referenceBytes = (int) ((instrumentation.getObjectSize(new Object[4]) - instrumentation.getObjectSize(new Object[0])) / 4);
        this.headerBytes = referenceBytes == 4 ? 12 : 16;
    }

    /** Bytes of one reference: 4 with compressed oops, else 8. */
    public int referenceBytes() {
        return referenceBytes;
    }

    /**
     * Estimated bytes per entry of maps of {@code type} (allocated as {@code declaredType}), with
     * {@code slotsPerEntry} table slots each and keys and values of {@code keyValueBytes} together.
     */
    public long entryBytes(String type, String declaredType, long keyValueBytes, double slotsPerEntry) {
        if (isSorted(type) || isSorted(declaredType)) {
            // a tree or skip-list node: key, value and three links, no table
            return align(headerBytes + 1 + 5 * referenceBytes) + keyValueBytes;
        }
        boolean linked = type.contains("LinkedHashMap") || type.contains("LinkedHashSet")
                || declaredType.equals("java.util.LinkedHashMap") || declaredType.equals("java.util.LinkedHashSet");
        long node = align(headerBytes + 4 + (linked ? 5 : 3) * referenceBytes); // hash, key, value, next (+ before, after)
        long slots = Math.round(Math.max(slotsPerEntry, 1.0) * referenceBytes);
        return node + slots + keyValueBytes;
    }

    /** References followed at most from one sampled key or value. */
    static final int MAX_REFERENCES = 32;

    /** Levels of fields followed from a sampled key or value. */
    static final int MAX_DEPTH = 2;

    /** Classes whose reference fields are remembered; the cache is dropped whole beyond. */
    static final int MAX_CACHED_CLASSES = 512;

    private final Map<Class<?>, Field[]> referenceFields = new WeakHashMap<>();

    /**
     * The size of {@code o} with what it holds a few fields deep: its arrays (a {@code byte[]} payload
     * counts whole), strings and small objects, at most {@link #MAX_DEPTH} levels and
     * {@link #MAX_REFERENCES} references; collections and maps inside are counted shallow. A floor:
     * what lies deeper, or is shared, is not counted. Reads fields by reflection where the class's
     * module allows it; others count shallow. 0 for null.
     */
    public long payloadBytes(Object o) {
        int[] budget = {MAX_REFERENCES};
        return payloadBytes(o, 0, budget);
    }

    private long payloadBytes(Object o, int depth, int[] budget) {
        long size = shallowBytes(o);
        if (o == null || depth >= MAX_DEPTH || o instanceof String || o.getClass().isArray()
                || o instanceof java.util.Collection<?> || o instanceof Map<?, ?> || o instanceof Number) {
            return size;
        }
        for (Field f : referenceFields(o.getClass())) {
            if (budget[0]-- <= 0) {
                break;
            }
            try {
                size += payloadBytes(f.get(o), depth + 1, budget);
            } catch (IllegalAccessException | RuntimeException e) {
                // a field that cannot be read counts as nothing
            }
        }
        return size;
    }

    /** The instance reference fields of {@code type} and its superclasses that can be read, cached. */
    private Field[] referenceFields(Class<?> type) {
        Field[] cached = referenceFields.get(type);
        if (cached != null) {
            return cached;
        }
        java.util.List<Field> fields = new java.util.ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive() && f.trySetAccessible()) {
                    fields.add(f);
                }
            }
        }
        if (referenceFields.size() >= MAX_CACHED_CLASSES) {
            referenceFields.clear();
        }
        Field[] found = fields.toArray(new Field[0]);
        referenceFields.put(type, found);
        return found;
    }

    private static boolean isSorted(String type) {
        return type.equals("java.util.TreeMap") || type.equals("java.util.concurrent.ConcurrentSkipListMap")
                || type.equals("java.util.TreeSet") || type.equals("java.util.concurrent.ConcurrentSkipListSet");
    }

    /** The shallow size of {@code o}, with the array of a {@code String}; 0 for null. */
    public long shallowBytes(Object o) {
        if (o == null) {
            return 0;
        }
        long size = instrumentation.getObjectSize(o);
        if (o instanceof String s) {
            size += align(headerBytes + 4 + s.length()); // its byte[] when Latin-1; a floor otherwise
        }
        return size;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }

    /** The heap's maximum, or -1 when it has none. */
    public static long heapMax() {
        return Runtime.getRuntime().maxMemory() == Long.MAX_VALUE ? -1 : Runtime.getRuntime().maxMemory();
    }

    /**
     * Heap in use by live objects as of the last collection of each pool (current use where a pool
     * does not say), so that uncollected garbage is not counted as used.
     */
    public static long heapUsedAfterGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() != MemoryType.HEAP || !pool.isValid()) {
                continue;
            }
            MemoryUsage afterGc = pool.isCollectionUsageThresholdSupported() ? pool.getCollectionUsage() : null;
            used += afterGc != null ? afterGc.getUsed() : pool.getUsage().getUsed();
        }
        return used;
    }
}
