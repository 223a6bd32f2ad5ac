package io.growthwatch.bootstrap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hooks that instrumented code calls, called here as the rewritten code calls them, in a JVM
 * where the counted twins are not defined (no agent): tracked maps are tracked as themselves.
 */
class HooksTest {

    private static final SiteLocation WHERE = new SiteLocation("com.acme.Cache", "<init>", "Cache.java", 30, "app");

    private final int siteId = Registry.allocSite("HooksTest|" + System.nanoTime(), WHERE, "java.util.LinkedHashMap", null);
    private final AllocSite site = Registry.allocSite(siteId);
    private final int putId = Registry.callSite("HooksTest|put|" + System.nanoTime(), WHERE, "put", null);

    @BeforeAll
    static void switchOn() {
        AgentSwitch.enable();
    }

    /** An application's LRU cache, with what the rewriter adds to its {@code removeEldestEntry}. */
    static class Lru extends LinkedHashMap<String, String> {
        private final int capacity;

        Lru(int capacity) {
            this.capacity = capacity;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            boolean evict = size() > capacity;
            Hooks.inserted(evict, this, Lru.class);
            return evict;
        }
    }

    /** A cache refining {@link Lru}'s answer through {@code super.removeEldestEntry}, both overrides instrumented. */
    static final class RefinedLru extends Lru {
        int evictions;

        RefinedLru(int capacity) {
            super(capacity);
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            boolean evict = super.removeEldestEntry(eldest);
            if (evict) {
                evictions++;
            }
            Hooks.inserted(evict, this, RefinedLru.class);
            return evict;
        }
    }

    /**
     * A cache whose override removes its eldest entry itself and answers false, with what the rewriter
     * adds to such an override: the insert counted as it begins, the eviction (none here) as it returns.
     */
    static final class SelfEvictingLru extends LinkedHashMap<String, String> {
        private final int capacity;
        private final int removeId;

        SelfEvictingLru(int capacity, int removeId) {
            this.capacity = capacity;
            this.removeId = removeId;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            Hooks.inserted(false, this, SelfEvictingLru.class);
            if (size() > capacity) {
                Hooks.at(this, removeId);
                remove(eldest.getKey());
            }
            Hooks.evicting(false, this, SelfEvictingLru.class);
            return false;
        }
    }

    private long inserts() {
        return site.counterFor(Registry.callSiteOrOutside(putId)).inserts();
    }

    private long removes() {
        return site.counterFor(Registry.callSiteOrOutside(putId)).removes();
    }

    @Test
    void aMapOfAKnownSiteIsTrackedAndTheApplicationGoesOnWithIt() {
        Map<String, String> map = new HashMap<>();

        Object returned = Hooks.allocated(map, siteId);

        assertThat(returned).isSameAs(map);
        assertThat(Registry.instances().find(map)).isNotNull();
        assertThat(Registry.instances().find(map).site()).isSameAs(site);
    }

    @Test
    void aMapOfNoKnownSiteIsLeftAlone() {
        Map<String, String> map = new HashMap<>();

        assertThat(Hooks.allocated(map, Registry.MAX_SITES - 1)).isSameAs(map);
        assertThat(Hooks.allocated(map, -5)).isSameAs(map);

        assertThat(Registry.instances().find(map)).isNull();
    }

    @Test
    void nothingIsTrackedWhileTheSwitchIsOff() {
        Map<String, String> map = new HashMap<>();
        AgentSwitch.disable();
        try {
            assertThat(Hooks.allocated(map, siteId)).isSameAs(map);
        } finally {
            AgentSwitch.enable();
        }
        assertThat(Registry.instances().find(map)).isNull();
    }

    @Test
    void anApplicationSubclassIsCountedAtItsCallSitesEvictionsIncluded() {
        Lru cache = (Lru) Hooks.allocated(new Lru(2), siteId);

        for (String key : new String[] {"a", "b", "c"}) {
            Hooks.at(cache, putId);
            cache.put(key, key);
        }
        Hooks.at(cache, putId); // the next call: counts the last put, and the eviction it caused

        assertThat(cache).containsOnlyKeys("b", "c");
        assertThat(inserts()).isEqualTo(3);
        assertThat(removes()).isEqualTo(1);
    }

    @Test
    void aCacheCountsEachInsertAndEvictionAsItMakesIt() {
        Lru cache = (Lru) Hooks.allocated(new Lru(2), siteId);

        for (String key : new String[] {"a", "b", "c"}) {
            Hooks.at(cache, putId);
            cache.put(key, key);
        }

        assertThat(inserts()).as("no later call needed").isEqualTo(3);
        assertThat(removes()).isEqualTo(1);
    }

    @Test
    void aCacheWhoseOverrideCallsAnInstrumentedOneOfItsSuperclassCountsEachInsertOnce() {
        EldestOverrides.instrumented(Lru.class.getName());
        EldestOverrides.instrumented(RefinedLru.class.getName());
        RefinedLru cache = (RefinedLru) Hooks.allocated(new RefinedLru(2), siteId);

        for (String key : new String[] {"a", "b", "c", "d"}) {
            Hooks.at(cache, putId);
            cache.put(key, key);
        }

        assertThat(inserts()).isEqualTo(4);
        assertThat(removes()).isEqualTo(cache.evictions).isEqualTo(2);
    }

    @Test
    void aCacheThatRemovesItsEldestEntryItselfCountsEachInsertOnceAndItsRemovesForItsOwnCallSite() {
        int removeId = Registry.callSite("HooksTest|remove|" + System.nanoTime(), WHERE, "remove", null);
        SelfEvictingLru cache = (SelfEvictingLru) Hooks.allocated(new SelfEvictingLru(2, removeId), siteId);

        for (String key : new String[] {"a", "b", "c", "d", "e"}) {
            Hooks.at(cache, putId);
            cache.put(key, key);
        }

        assertThat(inserts()).isEqualTo(5);
        assertThat(removes()).isZero();
        assertThat(site.counterFor(Registry.callSiteOrOutside(removeId)).removes())
                .as("each found at the next insert: the last one not yet").isEqualTo(2);
    }

    @Test
    void anEvictionReportedAsTheOverrideReturnsCountsForTheInsertingCallSite() {
        Lru cache = (Lru) Hooks.allocated(new Lru(10), siteId);
        Hooks.at(cache, putId);
        cache.put("a", "a");

        Hooks.evicting(true, cache, Lru.class);

        assertThat(inserts()).isEqualTo(1);
        assertThat(removes()).isEqualTo(1);
    }

    @Test
    void aPutCallSiteLearnsTheClassOfACacheThatReportsItsInserts() {
        Lru cache = (Lru) Hooks.allocated(new Lru(2), siteId);
        CallSite put = Registry.callSite(putId);
        assertThat(put.insertsCountedBy(Lru.class)).isFalse();

        Hooks.at(cache, putId);
        cache.put("a", "a");

        assertThat(put.insertsCountedBy(Lru.class)).as("from now on the call site only names itself").isTrue();
    }

    @Test
    void aCallSiteThatMayAlsoRemoveKeepsTouchingACacheThatReportsItsInserts() {
        int computeId = Registry.callSite("HooksTest|compute|" + System.nanoTime(), WHERE, "compute", null);
        Lru cache = (Lru) Hooks.allocated(new Lru(2), siteId);

        Hooks.at(cache, computeId);
        cache.compute("a", (k, v) -> "1");
        Hooks.at(cache, computeId);
        cache.compute("a", (k, v) -> null); // removes "a"
        Hooks.at(cache, putId);

        assertThat(Registry.callSite(computeId).insertsCountedBy(Lru.class)).isFalse();
        CallCounter compute = site.counterFor(Registry.callSiteOrOutside(computeId));
        assertThat(compute.inserts()).isEqualTo(1);
        assertThat(compute.removes()).isEqualTo(1);
    }

    @Test
    void anInsertOnAThreadThatNamedNoCallSiteCountsAsOutside() throws InterruptedException {
        Lru cache = (Lru) Hooks.allocated(new Lru(1), siteId);
        Hooks.at(cache, putId);
        cache.put("a", "a");

        Thread outside = new Thread(() -> cache.put("b", "b")); // as code outside the chosen packages would: no hook
        outside.start();
        outside.join();
        Hooks.at(cache, putId);

        assertThat(cache).containsOnlyKeys("b");
        assertThat(inserts()).isEqualTo(1);
        assertThat(removes()).isZero();
        assertThat(site.counterFor(CallSite.OUTSIDE).inserts()).isEqualTo(1);
        assertThat(site.counterFor(CallSite.OUTSIDE).removes()).as("the eviction it caused").isEqualTo(1);
    }

    @Test
    void anInsertAfterACallSiteNamedItselfForAnotherMapCountsAsOutside() {
        int otherId = Registry.callSite("HooksTest|other|" + System.nanoTime(), WHERE, "put", null);
        Lru cache = (Lru) Hooks.allocated(new Lru(10), siteId);
        Map<String, String> other = new HashMap<>() { };

        Hooks.at(other, otherId); // names itself for a map of another class, this thread's last name
        other.put("o", "o");
        cache.put("a", "a"); // as code outside the chosen packages would: no hook

        assertThat(site.counterFor(Registry.callSiteOrOutside(otherId)).inserts()).isZero();
        assertThat(site.counterFor(CallSite.OUTSIDE).inserts()).isEqualTo(1);
    }

    @Test
    void aRemoveFromACacheIsCountedFromItsSizeForTheCallSiteThatMadeIt() {
        int removeId = Registry.callSite("HooksTest|remove|" + System.nanoTime(), WHERE, "remove", null);
        Lru cache = (Lru) Hooks.allocated(new Lru(10), siteId);
        for (String key : new String[] {"a", "b", "c"}) {
            Hooks.at(cache, putId);
            cache.put(key, key);
        }

        Hooks.at(cache, removeId);
        cache.remove("a");
        Hooks.at(cache, putId);
        cache.put("d", "d");

        assertThat(inserts()).isEqualTo(4);
        assertThat(removes()).isZero();
        assertThat(site.counterFor(Registry.callSiteOrOutside(removeId)).removes()).isEqualTo(1);
    }

    @Test
    void theHookForCodeWithTwinsSkipsAPlainHashMapWhichTheHookForAnyMapCounts() {
        Map<String, String> plain = new HashMap<>();
        assertThat(Hooks.allocated(plain, siteId)).isSameAs(plain); // tracked as itself: no twins here

        Hooks.at(plain, putId);
        plain.put("a", "1");
        Hooks.at(plain, putId);
        assertThat(inserts()).as("a plain HashMap is never tracked where twins exist").isZero();

        Hooks.atAnyMap(plain, putId);
        plain.put("b", "2");
        Hooks.atAnyMap(plain, putId);
        assertThat(inserts()).isEqualTo(1);
    }

    @Test
    void aNullReceiverIsLeftToTheOriginalCall() {
        Hooks.at(null, putId);
        Hooks.atAnyMap(null, putId);

        assertThat(inserts()).isZero();
    }
}
