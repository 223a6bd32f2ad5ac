package com.acme.demo.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LruCacheTest {

    @Test
    void staysAtItsBound() {
        LruCache<Integer, String> cache = new LruCache<>(1_000);
        for (int i = 0; i < 5_000; i++) {
            cache.put(i, "v" + i);
        }

        assertThat(cache.size()).isEqualTo(1_000);
        assertThat(cache.get(4_999)).isEqualTo("v4999");
        assertThat(cache.get(0)).isNull();
    }

    @Test
    void evictsTheLeastRecentlyUsedEntry() {
        LruCache<String, Integer> cache = new LruCache<>(2);
        cache.put("a", 1);
        cache.put("b", 2);
        cache.get("a");
        cache.put("c", 3);

        assertThat(cache.get("a")).isEqualTo(1);
        assertThat(cache.get("b")).isNull();
        assertThat(cache.get("c")).isEqualTo(3);
    }
}
