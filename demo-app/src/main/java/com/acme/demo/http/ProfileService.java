package com.acme.demo.http;

import com.acme.demo.cache.LruCache;
import java.util.Locale;

/**
 * Computes a short "profile" string for a client key's bucket, caching it in a bounded
 * {@link LruCache} so repeated buckets are cheap and the cache stays at its bound.
 */
public final class ProfileService {

    /** Number of distinct buckets client keys hash into. */
    public static final int BUCKETS = 5_000;

    private static final String[] TIERS = {"free", "basic", "pro", "enterprise"};
    private static final String[] REGIONS = {"eu-west", "us-east", "us-west", "ap-south", "sa-east"};

    private final LruCache<Integer, String> cache;

    /** Creates a service caching profiles in {@code cache}. */
    public ProfileService(LruCache<Integer, String> cache) {
        this.cache = cache;
    }

    /** Returns the profile for {@code clientKey}, computing and caching it on a miss. */
    public String profileFor(String clientKey) {
        int bucket = Math.floorMod(clientKey.hashCode(), BUCKETS);
        String profile = cache.get(bucket);
        if (profile == null) {
            profile = compute(bucket);
            cache.put(bucket, profile);
        }
        return profile;
    }

    /** Returns the number of cached profiles. */
    public int cacheSize() {
        return cache.size();
    }

    private static String compute(int bucket) {
        long mixed = bucket * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        String tier = TIERS[(int) Math.floorMod(mixed, (long) TIERS.length)];
        String region = REGIONS[(int) Math.floorMod(mixed >>> 8, (long) REGIONS.length)];
        return String.format(Locale.ROOT, "%s/%s/b%04d-%s", tier, region, bucket,
                Long.toHexString(mixed & 0xFFFFFFL));
    }
}
