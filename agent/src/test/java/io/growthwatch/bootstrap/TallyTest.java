package io.growthwatch.bootstrap;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class TallyTest {

    private final AllocSite site = new AllocSite(0, new SiteLocation("com.acme.Cache", "update", "Cache.java", 10, "app"),
            "java.util.concurrent.ConcurrentHashMap", null, false);

    private Tally concurrentTally() {
        return tallyOf(site, new ConcurrentHashMap<String, String>());
    }

    private static Tally tallyOf(AllocSite site, Object map) {
        site.observeType(map);
        TrackedMap tracked = new TrackedMap(map, 1, 1L, site, new WeakReference<>(new Object()));
        return site.counterFor(CallSite.OUTSIDE).newTally(tracked, CallSite.OUTSIDE_ID);
    }

    private static void inAnotherThread(Runnable counting) throws InterruptedException {
        Thread other = new Thread(counting);
        other.start();
        other.join();
    }

    @Test
    void aConcurrentMapsCountsStayExactWhenTheOwnerKeepsCountingAfterAnotherThreadStarted() throws InterruptedException {
        Tally tally = concurrentTally(); // owned by this thread, which made it
        tally.inserted();
        tally.inserted();
        tally.removed();
        inAnotherThread(() -> {
            tally.inserted();
            tally.removed();
            tally.removed();
        });
        tally.inserted(); // the owner now counts in the padded fields
        tally.removed();
        tally.record(3, 1);
        inAnotherThread(() -> tally.record(2, 2));

        assertThat(tally.inserts()).isEqualTo(2 + 1 + 1 + 3 + 2);
        assertThat(tally.removes()).isEqualTo(1 + 2 + 1 + 1 + 2);
    }

    @Test
    void countsOfManyThreadsAtOnceAddUpExactly() throws InterruptedException {
        Tally tally = concurrentTally();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    tally.inserted();
                    if (i % 2 == 0) {
                        tally.removed();
                    }
                }
            });
            threads[t].start();
        }
        for (int i = 0; i < 100_000; i++) {
            tally.inserted(); // the owner, racing the others
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(tally.inserts()).isEqualTo(5 * 100_000);
        assertThat(tally.removes()).isEqualTo(4 * 50_000);
    }

    @Test
    void theConcurrentEntryPointsCountExactlyFromManyThreadsWhateverTheTallysOwnFlag() throws InterruptedException {
        AllocSite plainSite = new AllocSite(1, new SiteLocation("com.acme.Cache", "make", "Cache.java", 20, "app"),
                "java.util.HashMap", null, false);
        Tally tally = tallyOf(plainSite, new HashMap<String, String>()); // its own flag: not concurrent; the entry point decides
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 100_000; i++) {
                    Tally.insertedConcurrently(null, tally, CallSite.OUTSIDE_ID);
                    Tally.removedConcurrently(tally, null, CallSite.OUTSIDE_ID);
                }
            });
            threads[t].start();
        }
        for (int i = 0; i < 100_000; i++) {
            Tally.insertedConcurrently(tally, null, CallSite.OUTSIDE_ID);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(tally.inserts()).isEqualTo(5 * 100_000);
        assertThat(tally.removes()).isEqualTo(4 * 100_000);
    }

    @Test
    void aTwinsCountGoesToTheTallyOfItsCallSiteOnly() {
        Tally first = concurrentTally(); // call site OUTSIDE
        assertThat(Tally.insertedConcurrently(first, null, CallSite.OUTSIDE_ID)).isTrue();
        assertThat(Tally.removedConcurrently(null, first, CallSite.OUTSIDE_ID)).isTrue();
        assertThat(Tally.insertedConcurrently(first, null, 7)).isFalse(); // another call site: counted elsewhere
        assertThat(first.inserts()).isEqualTo(1);
        assertThat(first.removes()).isEqualTo(1);
    }

    @Test
    void aPlainCountWithoutItsTallyIsLostWithoutReachingTheMap() {
        long faults = Faults.count();
        assertThatCode(() -> {
            Tally.insertedPlainly(7, 7, null, CallSite.NO_ID, null);
            Tally.removedPlainly(7, CallSite.NO_ID, null, 7, null);
        }).doesNotThrowAnyException();
        assertThat(Faults.count()).isEqualTo(faults + 2);
    }
}
