package com.acme.compat.twincalls;

import com.acme.scenarios.Pace;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Calls on {@code ConcurrentHashMap}s in the stack and frame shapes that make the agent's twin branch
 * hard to get right: an object under construction below the receiver, a long and a double below it
 * and in locals, a constructor's argument before {@code super()}, switch expressions, ternaries,
 * try/finally, synchronized blocks, lambdas, discarded results, a null receiver, and the four
 * receiver types a twin can hide behind ({@code Map}, {@code AbstractMap}, {@code ConcurrentMap},
 * {@code ConcurrentHashMap}). A {@code remove(key)} branches for every twin: on a {@code HashMap} and
 * a {@code LinkedHashMap}, typed as such, it runs in the same kinds of shapes, half of the time for a
 * key that is absent. Prints a digest of every result (the same with and without the agent)
 * and the size of each map: {@code byMap} ends with 3,000 entries, {@code byAbstract} with 2,500,
 * {@code byConcurrentMap} with 2,000, {@code byConcurrentHashMap} with 1,500, {@code byHashMap} with
 * 1,000, {@code byLinkedHashMap} with 500.
 */
public final class TwinCallShapes {

    static final int ROUNDS = 5_000;

    final Map<Integer, Long> byMap = new ConcurrentHashMap<>();
    final AbstractMap<Integer, Long> byAbstract = new ConcurrentHashMap<>();
    final ConcurrentMap<Integer, Long> byConcurrentMap = new ConcurrentHashMap<>();
    final ConcurrentHashMap<Integer, Long> byConcurrentHashMap = new ConcurrentHashMap<>();
    final HashMap<Integer, Long> byHashMap = new HashMap<>();
    final LinkedHashMap<Integer, Long> byLinkedHashMap = new LinkedHashMap<>();
    private final Object lock = new Object();

    /** Made with a map call's result as its argument: the object is uninitialized under the receiver. */
    record Pair(Long previous, long stamp) {
    }

    static class Base {
        final Object first;

        Base(Object first) {
            this.first = first;
        }
    }

    /** A map call in the argument of {@code super(...)}: {@code this} is uninitialized in the frame. */
    static final class Early extends Base {
        Early(ConcurrentMap<Integer, Long> map, int key) {
            super(map.computeIfAbsent(key, k -> (long) k * 3));
        }
    }

    long round(int i, long stamp, double weight) {
        long sum = 0;
        // an uninitialized Pair and a long below the receiver
        Pair pair = new Pair(byMap.put(i, stamp), stamp + 1);
        sum += pair.stamp() + (pair.previous() == null ? 0 : 1);
        // a long on the stack below the call, a double live in a local
        sum = sum + (byAbstract.putIfAbsent(i, (long) (weight * i)) == null ? 1L : 2L);
        // before super()
        sum += ((Long) new Early(byConcurrentMap, i).first);
        // a switch expression, a ternary and a discarded result
        sum += switch (i % 3) {
            case 0 -> byConcurrentHashMap.merge(i % 1_500, 1L, Long::sum);
            case 1 -> byConcurrentHashMap.compute(i % 1_500, (k, v) -> v == null ? 1L : v + 1);
            default -> i % 2 == 0 ? byConcurrentHashMap.computeIfPresent(i % 1_500, (k, v) -> v + 2) : Long.valueOf(-1);
        } == null ? 0 : 1;
        byConcurrentHashMap.putIfAbsent(i % 1_500, 0L);
        // try/finally and synchronized
        try {
            synchronized (lock) {
                if (i >= 3_000 && byMap.remove(i - 3_000, (long) (i - 3_000) * 7)) {
                    sum++;
                }
            }
        } finally {
            sum += byAbstract.remove(i - 2_500) == null ? 0 : 1;
        }
        // a lambda, and a compute that removes
        Runnable trim = () -> byConcurrentMap.compute(i - 2_000, (k, v) -> null);
        trim.run();
        // remove(key) on the other twins: under an uninitialized object, with a long below, for an
        // absent key with its result discarded, in a lambda
        byHashMap.put(i, stamp);
        Pair removed = new Pair(byHashMap.remove(i - 1_000), stamp);
        sum += removed.previous() == null ? 0 : removed.previous();
        byHashMap.remove(-1 - i);
        byLinkedHashMap.put(i, stamp);
        sum = sum + (byLinkedHashMap.remove(-1 - i) == null ? 1L : 2L);
        Runnable evict = () -> byLinkedHashMap.remove(i - 500);
        evict.run();
        return sum;
    }

    public static void main(String[] args) throws InterruptedException {
        TwinCallShapes shapes = Pace.keepUntilExit(new TwinCallShapes());
        List<String> results = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < ROUNDS; i++) {
            total += shapes.round(i, (long) i * 7, 1.5);
        }
        results.add("total=" + total);
        Map<Integer, Long> none = null;
        try {
            none.put(1, 1L);
        } catch (NullPointerException e) {
            results.add("null receiver: " + e.getClass().getName());
        }
        results.add(digest("byMap", shapes.byMap));
        results.add(digest("byAbstract", shapes.byAbstract));
        results.add(digest("byConcurrentMap", shapes.byConcurrentMap));
        results.add(digest("byConcurrentHashMap", shapes.byConcurrentHashMap));
        results.add(digest("byHashMap", shapes.byHashMap));
        results.add(digest("byLinkedHashMap", shapes.byLinkedHashMap));
        results.forEach(System.out::println);
        System.out.println("twin call shapes done");
        Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "0") * 1000);
    }

    static String digest(String name, Map<Integer, Long> map) {
        List<String> sorted = new ArrayList<>();
        map.forEach((k, v) -> sorted.add(k + "=" + v));
        Collections.sort(sorted);
        return name + " " + map.getClass().getName() + " size=" + map.size() + " hash=" + Integer.toHexString(sorted.hashCode());
    }
}
