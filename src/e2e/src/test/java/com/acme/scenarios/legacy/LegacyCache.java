package com.acme.scenarios.legacy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An LRU cache written as Java 6 code, so that a test can run it as a Java 6 class file (rewritten
 * without a frame analysis, its stack depth declared by the agent): its {@code removeEldestEntry}
 * returns what a static method answers, so its operand stack is never deeper than one value.
 */
public final class LegacyCache extends LinkedHashMap<String, String> {

    private final int capacity;

    public LegacyCache(int capacity) {
        super(16, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return overCapacity(this);
    }

    private static boolean overCapacity(LegacyCache cache) {
        return cache.size() > cache.capacity;
    }
}
