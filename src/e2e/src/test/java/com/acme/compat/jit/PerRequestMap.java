package com.acme.compat.jit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a short-lived {@code HashMap} per request, four puts and a get, long enough for the JIT to
 * compile {@link #request}, after filling {@code LinkedHashMap}s and {@code HashMap}s of its own
 * subclass elsewhere, so that {@code HashMap.putVal}'s calls of {@code newNode} and
 * {@code afterNodeInsertion} have met several classes, as in any service. Run with
 * {@code -XX:CompileCommand=option,com.acme.compat.jit.PerRequestMap::request,PrintInlining}.
 */
public final class PerRequestMap {

    private static final String[] PATHS = {"/", "/visit", "/stats", "/login"};

    /** A subclass as services have them: {@code HashMap}'s own methods meet a third class. */
    private static final class Attributes extends LinkedHashMap<String, Object> {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > 8;
        }
    }

    /** The attributes of request {@code i}: a new map, four puts, one get. */
    private static int request(int i) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("user", PATHS[i & 3]);
        attributes.put("path", PATHS[(i >>> 2) & 3]);
        attributes.put("attempt", i & 7);
        attributes.put("trace", PATHS[(i >>> 4) & 3]);
        return attributes.get("path") == null ? 0 : attributes.size();
    }

    public static void main(String[] args) {
        long other = 0;
        for (int i = 0; i < 20_000; i++) { // other maps first: the profiles of HashMap's methods see several classes
            Map<String, Object> linked = i % 2 == 0 ? new LinkedHashMap<>() : new Attributes();
            linked.put(PATHS[i & 3], i);
            linked.put("k" + (i & 15), i);
            other += linked.size();
        }
        int requests = Integer.parseInt(args[0]);
        long entries = 0;
        for (int i = 0; i < requests; i++) {
            entries += request(i);
        }
        System.out.println("entries " + entries + " other " + other);
    }
}
