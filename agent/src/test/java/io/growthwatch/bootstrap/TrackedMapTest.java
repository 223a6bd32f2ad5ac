package io.growthwatch.bootstrap;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TrackedMapTest {

    private final AllocSite site = new AllocSite(0, location(10), "java.util.HashMap", null, false);

    private static SiteLocation location(int line) {
        return new SiteLocation("com.acme.Cache", "update", "Cache.java", line, "app");
    }

    private int callSiteAt(int line) {
        return Registry.callSite("TrackedMapTest|" + line, location(line), "put", null);
    }

    private TrackedMap tracked(Map<String, String> map) {
        site.observeType(map);
        return new TrackedMap(map, 1, 1L, site, new WeakReference<>(new Object()));
    }

    private long insertsAt(int callSite) {
        for (CallCounter c : site.callCounters()) {
            if (c.callSite() != null && c.callSite().id() == callSite) {
                return c.inserts();
            }
        }
        return 0;
    }

    @Test
    void insertsAndRemovesCountForTheCallSiteTheyAreCreditedTo() {
        TrackedMap tracked = tracked(new HashMap<>());
        int a = callSiteAt(100);
        int b = callSiteAt(101);
        tracked.inserted(a);
        tracked.inserted(a);
        tracked.inserted(b);
        tracked.removed(b);
        assertThat(insertsAt(a)).isEqualTo(2);
        assertThat(insertsAt(b)).isEqualTo(1);
        assertThat(site.counterFor(Registry.callSiteOrOutside(b)).removes()).isEqualTo(1);
    }

    @Test
    void changesCreditedToNoCallSiteCountAsOutside() {
        TrackedMap tracked = tracked(new HashMap<>());
        tracked.inserted(CallSite.OUTSIDE_ID);
        tracked.removed(CallSite.OUTSIDE_ID);
        CallCounter outside = site.counterFor(CallSite.OUTSIDE);
        assertThat(outside.inserts()).isEqualTo(1);
        assertThat(outside.removes()).isEqualTo(1);
    }

    @Test
    void keysRemovedAtOnceCountAsManyRemoves() {
        TrackedMap tracked = tracked(new HashMap<>());
        int clearing = callSiteAt(260);
        tracked.removed(clearing, 5);
        tracked.removed(clearing, 0);
        assertThat(site.counterFor(Registry.callSiteOrOutside(clearing)).removes()).isEqualTo(5);
    }

    @Test
    void theFirstTwoTalliesAreTheFirstTwoCountedCallSitesAndNeverChange() {
        TrackedMap tracked = tracked(new HashMap<>());
        int a = callSiteAt(270);
        int b = callSiteAt(271);
        int c = callSiteAt(272);
        assertThat(tracked.firstTally()).isNull();
        assertThat(tracked.secondTally()).isNull();
        tracked.inserted(a);
        Tally first = tracked.firstTally();
        assertThat(tracked.secondTally()).isNull();
        tracked.inserted(b);
        Tally second = tracked.secondTally();
        tracked.inserted(c);
        assertThat(tracked.firstTally()).isSameAs(first);
        assertThat(tracked.secondTally()).isSameAs(second).isNotSameAs(first);
    }

    @Test
    void theTwoTalliesATwinKeepsCountForTheCallSitesTheyName() {
        TrackedMap tracked = tracked(new HashMap<>());
        int a = callSiteAt(273);
        int b = callSiteAt(274);
        tracked.inserted(a);
        tracked.removed(b);
        Tally first = tracked.firstTally();
        Tally second = tracked.secondTally();
        assertThat(first.callSiteId()).isEqualTo(a);
        assertThat(second.callSiteId()).isEqualTo(b);
        int c = callSiteAt(275);
        assertThat(Tally.insertedPlainly(a, a, first, b, second)).isTrue();
        assertThat(Tally.removedPlainly(b, a, first, b, second)).isTrue();
        assertThat(Tally.insertedPlainly(b, a, first, b, second)).isTrue();
        assertThat(Tally.insertedPlainly(c, a, first, b, second)).isFalse(); // a third call site: counted elsewhere
        assertThat(Tally.removedPlainly(b, a, first, CallSite.NO_ID, null)).isFalse();
        assertThat(insertsAt(a)).isEqualTo(2);
        assertThat(insertsAt(b)).isEqualTo(1);
        assertThat(insertsAt(c)).isZero();
        assertThat(site.counterFor(Registry.callSiteOrOutside(b)).removes()).isEqualTo(2);
    }

    @Test
    void callSitesBeyondTheCapShareTheirOverflowTallyAndStillCount() {
        TrackedMap tracked = tracked(new HashMap<>());
        for (int line = 0; line < TrackedMap.MAX_TALLIES; line++) {
            tracked.inserted(callSiteAt(300 + line));
        }
        int beyond = callSiteAt(500);
        tracked.inserted(beyond);
        tracked.inserted(beyond);
        tracked.removed(beyond);
        CallCounter counter = site.counterFor(Registry.callSiteOrOutside(beyond));
        assertThat(counter.inserts()).isEqualTo(2);
        assertThat(counter.removes()).isEqualTo(1);
        assertThat(java.util.Arrays.stream(site.callCounters()).mapToLong(CallCounter::inserts).sum())
                .isEqualTo(TrackedMap.MAX_TALLIES + 2);
    }

    @Test
    void aMapThatCannotCountItselfCreditsSizeChangesToItsPreviousToucher() {
        Map<String, String> map = new HashMap<>();
        TrackedMap tracked = tracked(map);
        CallSite adder = Registry.callSiteOrOutside(callSiteAt(600));
        CallSite remover = Registry.callSiteOrOutside(callSiteAt(601));
        tracked.touched(adder, map);
        map.put("a", "1");
        map.put("b", "2");
        tracked.touched(remover, map);
        map.remove("a");
        tracked.touched(adder, map);
        assertThat(site.counterFor(adder).inserts()).isEqualTo(2);
        assertThat(site.counterFor(remover).removes()).isEqualTo(1);
    }

    @Test
    void aWatchedKeyIsSeenAgainOnlyWhenItsOwnHashIsAccessed() {
        TrackedMap tracked = tracked(new HashMap<>());
        tracked.watchKey(42);

        tracked.accessed(41);
        assertThat(tracked.keyWatch()).isEqualTo(TrackedMap.WATCHING);
        tracked.accessed(42);
        assertThat(tracked.keyWatch()).isEqualTo(TrackedMap.SEEN_AGAIN);
        assertThat(tracked.stopWatching()).isTrue();
        assertThat(tracked.keyWatch()).isEqualTo(TrackedMap.NOT_WATCHING);
    }

    @Test
    void accessesWhileNothingIsWatchedMarkNothing() {
        TrackedMap tracked = tracked(new HashMap<>());

        tracked.accessed(0);
        tracked.watchKey(7);

        assertThat(tracked.stopWatching()).isFalse();
    }
}
