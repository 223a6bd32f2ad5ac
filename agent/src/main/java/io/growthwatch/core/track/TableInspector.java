package io.growthwatch.core.track;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a {@code HashMap}'s or {@code ConcurrentHashMap}'s internal table: its length, which never
 * shrinks, and one entry to measure. The JDK's {@code java.util} packages are opened to the agent
 * alone, through the {@link Instrumentation}; where that is refused, capacities and entries are
 * simply unknown.
 *
 * <p>Runs on the agent's thread while application threads may change the map: it reads fields and
 * array slots only (never an iterator, never a lock), which cannot fail or disturb the map, and
 * takes what it sees, stale or not.
 */
public final class TableInspector {

    /** Table slots looked at, at most, to find one entry. */
    static final int MAX_SLOTS_SCANNED = 64;

    private final Field hashMapTable;
    private final Field concurrentTable;
    private final Field[] hashMapNode; // key, value, hash
    private final Field[] concurrentNode; // key, val, hash

    private TableInspector(Field hashMapTable, Field concurrentTable, Field[] hashMapNode, Field[] concurrentNode) {
        this.hashMapTable = hashMapTable;
        this.concurrentTable = concurrentTable;
        this.hashMapNode = hashMapNode;
        this.concurrentNode = concurrentNode;
    }

    /** An inspector, able to read tables when the packages could be opened. */
    public static TableInspector open(Instrumentation instrumentation) {
        try {
            Module self = TableInspector.class.getModule();
            instrumentation.redefineModule(Object.class.getModule(), Set.of(), Map.of(),
                    Map.of("java.util", Set.of(self), "java.util.concurrent", Set.of(self)), Set.of(), Map.of());
            Field a = HashMap.class.getDeclaredField("table");
            a.setAccessible(true);
            Field b = ConcurrentHashMap.class.getDeclaredField("table");
            b.setAccessible(true);
            return new TableInspector(a, b, nodeFields("java.util.HashMap$Node", "key", "value", "hash"),
                    nodeFields("java.util.concurrent.ConcurrentHashMap$Node", "key", "val", "hash"));
        } catch (Exception | LinkageError e) {
            return new TableInspector(null, null, null, null);
        }
    }

    private static Field[] nodeFields(String node, String... names) throws ReflectiveOperationException {
        Class<?> type = Class.forName(node, false, null);
        Field[] fields = new Field[names.length];
        for (int i = 0; i < names.length; i++) {
            fields[i] = type.getDeclaredField(names[i]);
            fields[i].setAccessible(true);
        }
        return fields;
    }

    /** One entry read from a table: its key, value and the map's internal hash of the key. */
    public record Entry(Object key, Object value, int hash) {
    }

    /**
     * One entry of {@code map}, found from table slot {@code start} on, or null when none was found
     * (an empty map, an unknown class, a slot changing under the read).
     */
    public Entry entry(Object map, int start) {
        try {
            boolean concurrent = map instanceof ConcurrentHashMap<?, ?>;
            Field table = concurrent ? concurrentTable : map instanceof HashMap<?, ?> ? hashMapTable : null;
            Field[] node = concurrent ? concurrentNode : hashMapNode;
            if (table == null || node == null || !(table.get(map) instanceof Object[] slots) || slots.length == 0) {
                return null;
            }
            for (int i = 0; i < Math.min(MAX_SLOTS_SCANNED, slots.length); i++) {
                Object e = slots[(start + i) & (slots.length - 1)];
                if (e != null && node[0].getDeclaringClass().isInstance(e)) {
                    Object key = node[0].get(e);
                    if (key != null) {
                        return new Entry(key, node[1].get(e), node[2].getInt(e));
                    }
                }
            }
            return null;
        } catch (IllegalAccessException | RuntimeException e) {
            return null;
        }
    }

    /** Length of the map's table (0 before its first insert), or -1 when unknown. */
    public int capacity(Object map) {
        try {
            Object table = map instanceof HashMap<?, ?> && hashMapTable != null ? hashMapTable.get(map)
                    : map instanceof ConcurrentHashMap<?, ?> && concurrentTable != null ? concurrentTable.get(map)
                    : NONE;
            if (table == NONE) {
                return -1;
            }
            return table == null ? 0 : ((Object[]) table).length;
        } catch (IllegalAccessException | RuntimeException e) {
            return -1;
        }
    }

    private static final Object NONE = new Object();
}
