package io.growthwatch.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The identity table from tracked instances to their entries, which the hooks read on every lookup. */
class InstanceTableTest {

    private final AllocSite site = new AllocSite(0, new SiteLocation("com.acme.Cache", "fill", "Cache.java", 7, "app"),
            "java.util.HashMap", null, false);

    /** Runs collections until {@code entry}'s instance is gone; fails after ten seconds. */
    static void awaitCollected(java.lang.ref.Reference<?> entry) throws InterruptedException {
        for (int i = 0; i < 200 && entry.get() != null; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(entry.get()).as("instance collected").isNull();
    }

    @Test
    void findsATrackedInstanceByIdentityNotByEquality() {
        InstanceTable table = new InstanceTable(100);
        Map<String, String> tracked = new HashMap<>();
        Map<String, String> equal = new HashMap<>();

        TrackedMap entry = table.add(tracked, site);

        assertThat(table.find(tracked)).isSameAs(entry);
        assertThat(table.find(equal)).isNull();
    }

    @Test
    void everyInstanceIsFoundAfterTheTableGrewBeyondItsFirstSlots() {
        InstanceTable table = new InstanceTable(10_000);
        List<Map<Integer, Integer>> maps = new ArrayList<>();
        List<TrackedMap> entries = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Map<Integer, Integer> map = new HashMap<>();
            maps.add(map);
            entries.add(table.add(map, site));
        }

        for (int i = 0; i < maps.size(); i++) {
            assertThat(table.find(maps.get(i))).isSameAs(entries.get(i));
        }
        assertThat(table.occupied()).isEqualTo(5_000);
    }

    @Test
    void refusesInstancesBeyondItsLimit() {
        InstanceTable table = new InstanceTable(3);
        List<Map<String, String>> maps = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());

        for (int i = 0; i < 3; i++) {
            assertThat(table.add(maps.get(i), site)).isNotNull();
        }

        assertThat(table.add(maps.get(3), site)).isNull();
        assertThat(table.find(maps.get(3))).isNull();
        assertThat(table.occupied()).isEqualTo(3);
    }

    @Test
    void holdsItsInstancesWeakly() throws InterruptedException {
        InstanceTable table = new InstanceTable(100);
        TrackedMap entry = table.add(new HashMap<String, String>(), site);

        awaitCollected(entry);

        assertThat(table.occupied()).as("a tombstone until the purge").isEqualTo(1);
        assertThat(table.purge()).isZero();
    }

    @Test
    void collectedInstancesGiveTheirRoomToNewOnes() throws InterruptedException {
        InstanceTable table = new InstanceTable(2);
        Map<String, String> kept = new HashMap<>();
        table.add(kept, site);
        awaitCollected(table.add(new HashMap<String, String>(), site));
        Map<String, String> late = new HashMap<>();

        assertThat(table.add(late, site)).isNotNull();

        assertThat(table.find(kept)).isNotNull();
        assertThat(table.find(late)).isNotNull();
        assertThat(table.occupied()).isEqualTo(2);
    }

    @Test
    void onceFoundFullItRefusesUntilThePurge() throws InterruptedException {
        InstanceTable table = new InstanceTable(2);
        Map<String, String> kept = new HashMap<>();
        List<Map<String, String>> holder = new ArrayList<>(List.of(new HashMap<>()));
        table.add(kept, site);
        TrackedMap dropped = table.add(holder.get(0), site);
        Map<String, String> late = new HashMap<>();
        assertThat(table.add(late, site)).as("every instance live: full").isNull();
        holder.clear();
        awaitCollected(dropped);

        assertThat(table.add(late, site)).as("no rebuild per allocation while full").isNull();
        assertThat(table.purge()).isEqualTo(1);
        assertThat(table.add(late, site)).isNotNull();
        assertThat(table.find(kept)).isNotNull();
    }

    @Test
    void visitsOnlyInstancesStillReachable() throws InterruptedException {
        InstanceTable table = new InstanceTable(100);
        Map<String, String> kept = new HashMap<>();
        TrackedMap keptEntry = table.add(kept, site);
        awaitCollected(table.add(new HashMap<String, String>(), site));

        List<TrackedMap> visited = new ArrayList<>();
        table.forEachLive(visited::add);

        assertThat(visited).containsExactly(keptEntry);
        assertThat(kept).isEmpty(); // kept reachable until here
    }
}
