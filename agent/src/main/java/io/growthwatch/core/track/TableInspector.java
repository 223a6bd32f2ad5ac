package io.growthwatch.core.track;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the length of a {@code HashMap}'s or {@code ConcurrentHashMap}'s internal table, which never
 * shrinks. The JDK's {@code java.util} packages are opened to the agent alone, through the
 * {@link Instrumentation}; where that is refused, capacities are simply unknown.
 */
public final class TableInspector {

    private final Field hashMapTable;
    private final Field concurrentTable;

    private TableInspector(Field hashMapTable, Field concurrentTable) {
        this.hashMapTable = hashMapTable;
        this.concurrentTable = concurrentTable;
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
            return new TableInspector(a, b);
        } catch (Exception | LinkageError e) {
            return new TableInspector(null, null);
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
