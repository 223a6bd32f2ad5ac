package io.growthwatch.bootstrap;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call site's look-up of receivers that cannot count themselves (an application's map subclass),
 * through the instance table of the JVM, with its cache of the last receiver and its cold state.
 */
class CallSiteTest {

    private static final SiteLocation WHERE = new SiteLocation("com.acme.Cache", "fill", "Cache.java", 20, "app");

    private final AllocSite site = Registry.allocSite(Registry.allocSite("CallSiteTest|" + System.nanoTime(), WHERE,
            "java.util.LinkedHashMap", null));

    /** A new call site making {@code operation}, under a key no other test uses. */
    private static CallSite callSite(String operation) {
        return Registry.callSite(Registry.callSite("CallSiteTest|" + operation + "|" + System.nanoTime(), WHERE, operation, null));
    }

    private Map<String, String> tracked() {
        Map<String, String> map = new LinkedHashMap<>();
        site.observeType(map);
        assertThat(Registry.instances().add(map, site)).isNotNull();
        return map;
    }

    @Test
    void theChangeBetweenTwoTouchesIsCreditedToTheCallSiteThatTouchedFirst() {
        CallSite put = callSite("put");
        Map<String, String> map = tracked();

        put.touch(map);
        map.put("a", "1");
        map.put("b", "2");
        put.touch(map);
        map.put("c", "3");
        put.touch(map);

        assertThat(site.counterFor(put).inserts()).isEqualTo(3);
        assertThat(site.counterFor(put).removes()).isZero();
    }

    @Test
    void aShrinkBetweenTwoTouchesIsCreditedAsRemoves() {
        CallSite remove = callSite("remove");
        Map<String, String> map = tracked();
        map.put("a", "1");
        map.put("b", "2");

        remove.touch(map);
        map.remove("a");
        remove.touch(map);

        assertThat(site.counterFor(remove).removes()).isEqualTo(1);
        assertThat(site.counterFor(remove).inserts()).isZero();
    }

    @Test
    void aColdCallSiteLooksReceiversUpOncePerSamplingInterval() {
        CallSite perRequest = callSite("put");
        for (int i = 0; i < CallSite.COLD_AFTER_MISSES; i++) {
            perRequest.touch(new HashMap<>()); // per-request maps that sampling left out
        }
        Map<String, String> map = tracked();
        Epoch.advance();
        perRequest.touch(new HashMap<>()); // this interval's one look-up

        perRequest.touch(map);
        map.put("missed", "1");
        perRequest.touch(map);
        assertThat(site.counterFor(perRequest).inserts()).as("not looked up in this interval").isZero();

        Epoch.advance();
        perRequest.touch(map);
        map.put("seen", "2");
        perRequest.touch(map); // the last receiver, found without a look-up
        assertThat(site.counterFor(perRequest).inserts()).isEqualTo(1);
    }

    @Test
    void theLastTwoReceiversACallSiteFoundAreKnownToItWithoutALookUp() {
        CallSite put = callSite("put");
        CallSite other = callSite("put");
        Map<String, String> first = tracked();
        Map<String, String> second = tracked();
        Map<String, String> third = tracked();

        put.touch(first);
        put.touch(second);
        assertThat(put.held(first)).isSameAs(Registry.instances().find(first));
        assertThat(put.held(second)).isSameAs(Registry.instances().find(second));
        assertThat(other.held(first)).as("found by another call site").isNull();

        put.touch(third);
        assertThat(put.held(third)).isSameAs(Registry.instances().find(third));
        assertThat(put.held(second)).isSameAs(Registry.instances().find(second));
        assertThat(put.held(first)).as("pushed out by a third receiver").isNull();
    }

    @Test
    void aCallSiteMeetingTwoTrackedMapsInTurnAllocatesNothing() {
        CallSite put = callSite("put");
        Map<String, String> first = tracked();
        Map<String, String> second = tracked();
        first.put("a", "1");
        for (int i = 0; i < 100; i++) {
            put.touch((i & 1) == 0 ? first : second);
        }
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 10_000; i++) {
            put.touch((i & 1) == 0 ? first : second);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(allocated).as("bytes allocated by 10,000 touches of two maps in turn").isLessThan(10_000);
        assertThat(put.held(second)).isSameAs(Registry.instances().find(second));
    }

    @Test
    void theLastReceiverIsHeldWeakly() throws InterruptedException {
        CallSite put = callSite("put");
        Map<String, String> map = tracked();
        put.touch(map);
        TrackedMap entry = Registry.instances().find(map);
        map = null;

        InstanceTableTest.awaitCollected(entry);
    }
}
