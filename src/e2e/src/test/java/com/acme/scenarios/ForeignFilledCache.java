package com.acme.scenarios;

import org.outside.Filler;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An LRU cache class of a chosen package whose bound is never reached, filled only by code outside
 * the chosen packages: no instrumented call site ever meets it, only its own {@code removeEldestEntry}.
 * Fed fast enough to grow past any cache size within seconds.
 */
public final class ForeignFilledCache {

    private final Map<String, Object> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > 10_000_000;
        }
    };

    public static void main(String[] args) {
        ForeignFilledCache owner = Pace.keepUntilExit(new ForeignFilledCache());
        long n = Pace.run(Pace.seconds(args, 30), 25_000, i -> Filler.add(owner.cache, "doc-" + i));
        System.out.println("foreign filled cache done adds=" + n + " size=" + owner.cache.size());
    }
}
