package com.acme.bench.tracked;

/** Computes a short profile string for a client's bucket, cached in a bounded {@link LruCache}. */
public final class ProfileService {

    /** Buckets that client keys hash into; more than the cache holds, so some lookups miss. */
    static final int BUCKETS = 5_000;

    /** Profiles cached at most. */
    static final int CACHE_CAPACITY = 1_000;

    private static final String[] TIERS = {"free", "basic", "pro", "enterprise"};
    private static final String[] REGIONS = {"eu-west", "us-east", "us-west", "ap-south", "sa-east"};

    private final LruCache<Integer, String> cache = new LruCache<>(CACHE_CAPACITY);

    /** The profile of {@code clientKey}, computed and cached on a miss. */
    public String profileFor(String clientKey) {
        int bucket = Math.floorMod(clientKey.hashCode(), BUCKETS);
        String profile = cache.get(bucket);
        if (profile == null) {
            profile = compute(bucket);
            cache.put(bucket, profile);
        }
        return profile;
    }

    /** Number of profiles cached. */
    public int cached() {
        return cache.size();
    }

    private static String compute(int bucket) {
        long mixed = bucket * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        return new StringBuilder(40)
                .append(TIERS[(int) Math.floorMod(mixed, (long) TIERS.length)]).append('/')
                .append(REGIONS[(int) Math.floorMod(mixed >>> 8, (long) REGIONS.length)]).append("/b")
                .append(bucket).append('-').append(Long.toHexString(mixed & 0xFFFFFFL))
                .toString();
    }
}
