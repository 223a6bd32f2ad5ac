package com.acme.bench.tracked;

/**
 * Two bounded LRU caches of one class used in turn, as a service keeps one cache per purpose: both
 * caches' maps come from one allocation site and pass one call site, which meets a different
 * receiver on every call. Not thread-safe: give each thread its own instance.
 */
public final class TwoCaches {

    private final BoundedCache first = new BoundedCache();
    private final BoundedCache second = new BoundedCache();

    /** One step on each cache, through the same call sites: two evicting puts and two hits. */
    public Integer step(int i) {
        first.step(i);
        return second.step(i);
    }
}
