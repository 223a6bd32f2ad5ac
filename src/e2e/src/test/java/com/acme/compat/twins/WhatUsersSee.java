package com.acme.compat.twins;

import com.acme.scenarios.Pace;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints what code can observe of its maps and sets: class names, contents and order, clones, the serialized
 * bytes (Base64) and what they read back as, maps made from a map's own class by reflection, and
 * reflective calls. With the agent tracking this package the maps are counted twins; the output must
 * be the same as without it. Argument: seconds to stay alive after the work.
 */
public final class WhatUsersSee {

    private final Map<String, Integer> byName = new HashMap<>();
    private final LinkedHashMap<String, Integer> recent = new LinkedHashMap<>(16, 0.75f, true);
    private final ConcurrentHashMap<String, Integer> shared = new ConcurrentHashMap<>(64);
    private final Map<String, Integer> memo = new HashMap<>();
    private final LinkedHashMap<String, Integer> lru = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<String> ids = new HashSet<>();
    private final LinkedHashSet<String> ordered = new LinkedHashSet<>();
    private final TreeSet<String> sorted = new TreeSet<>();
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();

    public static void main(String[] args) throws Exception {
        WhatUsersSee app = new WhatUsersSee();
        for (int i = 0; i < 40; i++) {
            app.byName.put("k" + i, i);
            app.recent.put("k" + i, i);
            app.shared.put("k" + i, i);
            app.ids.add("k" + i);
            app.ordered.add("k" + (39 - i));
            app.sorted.add("k" + i);
            app.sessions.add("k" + i);
        }
        app.recent.get("k3");
        app.recent.get("k1");
        show("hash-map", app.byName);
        show("linked-hash-map", app.recent);
        show("concurrent-hash-map", app.shared);
        computeAndMerge("memo", app.memo);
        computeAndMerge("access-ordered", app.lru);
        showSet("hash-set", app.ids);
        showSet("linked-hash-set", app.ordered);
        showSet("tree-set", app.sorted);
        showSet("key-set", app.sessions);
        Object setClone = ((HashSet<?>) app.ids).clone();
        System.out.println("set clone " + setClone.getClass().getName() + " equal=" + setClone.equals(app.ids)
                + " " + new TreeSet<>((Set<?>) setClone));
        System.out.println("linked set clone " + app.ordered.clone() + " contains k7=" + app.ordered.contains("k7"));
        Object clone = ((HashMap<?, ?>) app.byName).clone();
        System.out.println("clone " + clone.getClass().getName() + " equal=" + clone.equals(app.byName));
        Object linkedClone = app.recent.clone();
        System.out.println("linked clone " + linkedClone + " equal=" + linkedClone.equals(app.recent));
        int entries = 0;
        for (int i = 0; i < 1_000; i++) { // many tracked maps at one site: the agent makes a twin of each it picks
            Map<String, Integer> request = new HashMap<>();
            request.put("i", i);
            entries += request.size();
        }
        System.out.println("request maps " + entries);
        System.out.println("done");
        Pace.keepUntilExit(app);
        Thread.sleep(args.length > 0 ? Long.parseLong(args[0]) * 1000 : 0); // lets the agent's summary see the maps
    }

    private static void show(String name, Map<String, Integer> map) throws Exception {
        Class<?> type = map.getClass();
        System.out.println(name + " class=" + type.getName() + " simple=" + type.getSimpleName() + " canonical="
                + type.getCanonicalName() + " toString=" + type + " package=" + type.getPackageName());
        System.out.println(name + " content=" + map + " hash=" + map.hashCode() + " size=" + map.size());
        byte[] bytes = null;
        for (int i = 0; i < 40; i++) { // past the point where reflection generates its accessors
            bytes = serialize(map);
        }
        System.out.println(name + " serialized=" + Base64.getEncoder().encodeToString(bytes));
        Object back = new ObjectInputStream(new ByteArrayInputStream(bytes)).readObject();
        System.out.println(name + " read back " + back.getClass().getName() + " equal=" + back.equals(map));
        Object made = type.getDeclaredConstructor().newInstance();
        System.out.println(name + " new instance of its class: " + made.getClass().getName() + " " + made);
        for (int i = 0; i < 40; i++) {
            type.getMethod("put", Object.class, Object.class).invoke(map, "reflective", i);
        }
        System.out.println(name + " after reflective puts: " + map.get("reflective") + " size=" + map.size());
    }

    /** computeIfAbsent and merge on present, absent and null-valued keys, a merge to null, a remapping that changes the map. */
    private static void computeAndMerge(String name, Map<String, Integer> map) {
        for (int i = 0; i < 30; i++) { // fills past a table growth through the compute methods alone
            map.computeIfAbsent("c" + (i % 20), k -> k.length());
            map.merge("m" + (i % 7), 1, Integer::sum);
        }
        map.put("nothing", null);
        System.out.println(name + " hit=" + map.computeIfAbsent("c3", k -> -1) + " null-valued="
                + map.computeIfAbsent("nothing", k -> 42) + " absent-to-null=" + map.computeIfAbsent("none", k -> null)
                + " merged=" + map.merge("m1", 10, Integer::sum) + " merged-away=" + map.merge("m2", 1, (a, b) -> null));
        try {
            map.merge("m3", 1, (a, b) -> map.put("sneaky", 1));
            System.out.println(name + " no exception");
        } catch (RuntimeException e) {
            System.out.println(name + " " + e.getClass().getName());
        }
        System.out.println(name + " content=" + map + " size=" + map.size());
    }

    private static void showSet(String name, Set<String> set) throws Exception {
        Class<?> type = set.getClass();
        System.out.println(name + " class=" + type.getName() + " simple=" + type.getSimpleName() + " content=" + set
                + " hash=" + set.hashCode() + " size=" + set.size());
        System.out.println(name + " array=" + java.util.Arrays.toString(set.toArray()) + " typed="
                + set.toArray(new String[0]).length + " stream=" + set.stream().filter(s -> s.endsWith("7")).toList());
        byte[] bytes = serialize(set);
        System.out.println(name + " serialized=" + Base64.getEncoder().encodeToString(bytes));
        Object back = new ObjectInputStream(new ByteArrayInputStream(bytes)).readObject();
        System.out.println(name + " read back " + back.getClass().getName() + " equal=" + back.equals(set));
        type.getMethod("add", Object.class).invoke(set, "reflective");
        System.out.println(name + " after a reflective add: " + set.contains("reflective") + " size=" + set.size());
    }

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream stream = new ObjectOutputStream(out)) {
            stream.writeObject(o);
        }
        return out.toByteArray();
    }
}
