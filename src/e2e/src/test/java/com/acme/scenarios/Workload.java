package com.acme.scenarios;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A deterministic mix of map operations whose printed result must not change under the agent. */
public final class Workload {

    public static void main(String[] args) throws InterruptedException {
        Map<String, Integer> plain = new HashMap<>();
        Map<String, Integer> linked = new LinkedHashMap<>();
        ConcurrentHashMap<String, Integer> concurrent = new ConcurrentHashMap<>();
        long checksum = 0;
        for (int i = 0; i < 300_000; i++) {
            String key = "k" + (i % 5_000);
            Integer previous = plain.put(key, i);
            checksum += previous == null ? 1 : previous;
            checksum += linked.merge(key, 1, Integer::sum);
            checksum += concurrent.computeIfAbsent(key, k -> k.length());
            if (i % 7 == 0) {
                Integer removed = plain.remove("k" + (i % 3_000));
                checksum += removed == null ? 0 : removed;
                concurrent.remove(key, 5);
            }
            if (plain.putIfAbsent("x" + (i % 11), i) == null) {
                checksum += 3;
            }
            checksum += linked.compute(key, (k, v) -> v == null ? 0 : v + 1);
        }
        Map<String, Integer> sorted = new TreeMap<>(plain);
        System.out.println("workload checksum=" + checksum + " plain=" + plain.size() + " linked=" + linked.size()
                + " concurrent=" + concurrent.size() + " first=" + sorted.entrySet().iterator().next());
        Thread.sleep((long) (Pace.seconds(args, 0) * 1000));
    }
}
