package com.acme.compat.bytecode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Map allocations and mutations in the shapes that are hard to rewrite: before {@code super()}, in
 * branches with stack map frames, in lambdas, anonymous subclasses, records, enums, switch
 * expressions, synchronized blocks, try/finally, inner classes and static initializers. Prints a
 * digest of every result, which must be the same with and without the agent.
 *
 * <p>Ten "probe" sites (marked {@code // probe N}) hold more than 1000 live entries at the end and
 * every other map fewer, so that the agent's shutdown summary (top ten sites by live entries) lists
 * exactly the probes' allocation sites. One more map, of 999 entries, is made through
 * {@code HashMap::new} as a {@code Supplier}: its rewritten call site must pass the verifier too.
 */
public final class Shapes {

    static final List<Object> KEEP = Collections.synchronizedList(new ArrayList<>());

    /** Static initializer. */
    static final Map<String, Integer> CODES = new HashMap<>(); // probe 1
    static {
        fill(CODES, 1001);
    }

    static <M extends Map<String, Integer>> M fill(M map, int n) {
        for (int i = 0; i < n; i++) {
            map.put("k" + i, i);
        }
        return map;
    }

    static String digest(String name, Inventory inventory) {
        return digest(name, inventory.items());
    }

    static String digest(String name, Map<?, ?> map) {
        // a sorted list, not a TreeMap: the digest's own scratch maps would be sites of this package too
        List<String> sorted = new ArrayList<>();
        map.forEach((k, v) -> sorted.add(k + "=" + (v instanceof Map<?, ?> inner ? "map" + inner.size() : String.valueOf(v))));
        Collections.sort(sorted);
        String text = sorted.toString();
        return name + " " + map.getClass().getName() + " size=" + map.size()
                + " hash=" + Integer.toHexString(text.hashCode());
    }

    /** An override answering a constant: at its return the stack is as deep as it ever gets. */
    static final class NeverEvicting extends LinkedHashMap<String, Integer> {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return false;
        }
    }

    // ---- constructors that allocate maps in super(...) arguments, with branches before super()

    static class Base {
        final Map<String, Integer> map;

        Base(Map<String, Integer> map) {
            this.map = map;
        }
    }

    static final class SuperArgument extends Base {
        SuperArgument(boolean linked, int n) {
            super(linked ? fill(new LinkedHashMap<>(), n) : fill(new HashMap<>(), n)); // probe 2
        }

        SuperArgument() {
            this(false, 3);
        }
    }

    /** A map subclass in the chosen package, with arguments to its super constructor. */
    static final class Registry extends ConcurrentHashMap<String, Integer> {
        Registry(int expected) {
            super(Math.max(16, expected), 0.75f, 2);
        }

        int register(String key) {
            return merge(key, 1, Integer::sum);
        }

        static Registry of(int keys) {
            Registry registry = new Registry(keys); // probe 9
            for (int i = 0; i < keys; i++) {
                registry.register("r" + (i % (keys - 1)));
            }
            return registry;
        }
    }

    // ---- records, enums, inner classes

    record Inventory(Map<String, Integer> items) {
        Inventory {
            items = new HashMap<>(items); // probe 3
        }

        Inventory add(String item) {
            Map<String, Integer> next = new HashMap<>(items);
            next.merge(item, 1, Integer::sum);
            return new Inventory(next);
        }
    }

    enum Region {
        EU("eu"), US("us"), APAC("ap");

        static final Map<String, Region> BY_CODE = new HashMap<>();
        static {
            for (Region r : values()) {
                BY_CODE.put(r.code, r);
            }
        }

        final String code;
        final Map<String, Integer> quotas = new ConcurrentHashMap<>(); // probe 10

        Region(String code) {
            this.code = code;
        }
    }

    final class Inner {
        final Map<String, Integer> scores = new LinkedHashMap<>(base); // probe 4

        Inner grow(int n) {
            for (int i = 0; i < n; i++) {
                scores.putIfAbsent("inner" + i, i);
            }
            return this;
        }
    }

    private final Map<String, Integer> base = fill(new HashMap<>(), 2);
    private final Object lock = new Object();
    private final Map<String, Integer> guarded = new HashMap<>();

    // ---- switch expressions, synchronized, try/finally, lambdas and method references

    static Map<String, Integer> byKind(int kind) {
        return switch (kind) {
            case 0 -> new HashMap<>();
            case 1 -> new LinkedHashMap<>(8, 0.5f, true);
            default -> {
                ConcurrentHashMap<String, Integer> concurrent = new ConcurrentHashMap<>(); // probe 5
                concurrent.put("default", kind);
                yield concurrent;
            }
        };
    }

    int guardedUpdate(String key) {
        synchronized (lock) {
            guarded.put(key, guarded.size());
            if (key.endsWith("7")) {
                return -1;
            }
            return guarded.size();
        }
    }

    int withFinally(String key) {
        Map<String, Integer> scratch = new HashMap<>();
        try {
            scratch.put(key, 1);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("empty key");
            }
            return scratch.size();
        } finally {
            scratch.remove(key);
            guarded.remove(key + "-tmp");
        }
    }

    static int failingAllocation() {
        try {
            Map<String, Integer> impossible = new HashMap<>(-1);
            return impossible.size();
        } catch (IllegalArgumentException expected) {
            return -1;
        }
    }

    public static void main(String[] args) {
        List<String> out = new ArrayList<>();
        out.add(digest("static-initializer", CODES));

        SuperArgument plain = new SuperArgument(false, 1002);
        SuperArgument linked = new SuperArgument(true, 5);
        KEEP.add(plain);
        out.add(digest("super-argument-hash", plain.map));
        out.add(digest("super-argument-linked", linked.map));
        out.add(digest("this-delegation", new SuperArgument().map));

        Registry registry = Registry.of(1010);
        KEEP.add(registry);
        out.add(digest("map-subclass", registry));

        // the record copies a map of a class the agent does not track: a TreeMap here would be a site
        // of 1003 entries, garbage once copied but counted until a collection clears it, among the ten
        Inventory inventory = new Inventory(fill(new Hashtable<>(), 1003));
        KEEP.add(inventory);
        out.add(digest("record", inventory));
        out.add(digest("record-copy", new Inventory(fill(new HashMap<>(), 4)).add("extra").items()));

        fill(Region.EU.quotas, 1011);
        Region.US.quotas.computeIfAbsent("gpu", k -> 2);
        out.add(digest("enum-static", Region.BY_CODE));
        out.add(digest("enum-field", Region.US.quotas));

        Shapes shapes = new Shapes();
        Inner inner = shapes.new Inner().grow(1004);
        KEEP.add(inner);
        out.add(digest("inner-class", inner.scores));

        for (int kind = 0; kind < 3; kind++) {
            Map<String, Integer> made = byKind(kind);
            if (kind == 2) {
                fill(made, 1005);
                KEEP.add(made);
            }
            out.add(digest("switch-" + kind, made));
        }

        int sum = 0;
        for (int i = 0; i < 20; i++) {
            sum += shapes.guardedUpdate("g" + i);
            sum += shapes.withFinally("t" + i);
        }
        try {
            shapes.withFinally("");
        } catch (IllegalArgumentException expected) {
            sum += 1000;
        }
        out.add("synchronized-and-finally sum=" + sum + " " + digest("guarded", shapes.guarded));
        out.add("failing-allocation " + failingAllocation());
        out.add(digest("constant-eldest-answer", fill(new NeverEvicting(), 7)));

        // lambdas: computeIfAbsent(k, x -> new HashMap<>()) and friends
        Map<String, Map<String, Integer>> nested = new HashMap<>();
        for (int i = 0; i < 1006; i++) {
            nested.computeIfAbsent("group" + (i % 3), x -> new HashMap<>()).merge("m" + i, i, Integer::sum); // probe 6
        }
        KEEP.add(nested);
        out.add(digest("compute-if-absent-lambda", nested));
        Map<String, Integer> firstGroup = nested.get("group0");
        out.add(digest("lambda-made-inner", firstGroup));

        // method references: HashMap::new as a Supplier, and as a Function of the capacity
        Supplier<Map<String, Integer>> supplier = HashMap::new; // a site too (JdkMadeMapsTest), kept below the ten probes
        Map<String, Integer> supplied = fill(supplier.get(), 999);
        KEEP.add(supplied);
        out.add(digest("constructor-reference-supplier", supplied));
        Function<Integer, Map<String, Integer>> sized = HashMap::new;
        out.add(digest("constructor-reference-function", fill(sized.apply(64), 9)));

        // an anonymous subclass with an instance initializer ("double brace")
        Map<String, Integer> anonymous = new HashMap<>() { // probe 7
            {
                for (int i = 0; i < 1008; i++) {
                    put("anon" + i, i);
                }
            }
        };
        KEEP.add(anonymous);
        out.add(digest("anonymous-initializer", anonymous));

        // a lambda that allocates, run on another thread
        Map<String, Integer>[] fromThread = new Map[1];
        Thread worker = new Thread(() -> fromThread[0] = fill(new ConcurrentHashMap<>(), 1009)); // probe 8
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        KEEP.add(fromThread[0]);
        out.add(digest("thread-lambda", fromThread[0]));

        out.forEach(System.out::println);
        System.out.println("shapes done");
        linger(args);
    }

    /** Stays alive for the seconds in the first argument, if any (an agent that starts late needs it). */
    private static void linger(String[] args) {
        if (args.length > 0) {
            try {
                Thread.sleep((long) (Double.parseDouble(args[0]) * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
