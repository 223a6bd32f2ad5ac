package io.growthwatch.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryTest {

    private static int register(String key, int line) {
        return Registry.allocSite("RegistryTest|" + key, new SiteLocation("com.acme.Sites", "make", "Sites.java", line, "app"),
                "java.util.HashMap", null);
    }

    @Test
    void everyRegisteredSiteIsFoundByItsIdAcrossChunks() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 600; i++) { // more than two chunks of ids
            ids.add(register("chunks-" + i, i));
        }
        for (int i = 0; i < ids.size(); i++) {
            AllocSite site = Registry.allocSite(ids.get(i));
            assertThat(site).isNotNull();
            assertThat(site.id()).isEqualTo(ids.get(i));
            assertThat(site.location().line()).isEqualTo(i);
        }
    }

    @Test
    void aSiteRegisteredTwiceKeepsItsId() {
        int first = register("twice", 1);
        assertThat(register("twice", 1)).isEqualTo(first);
    }

    @Test
    void idsThatNameNoSiteFindNone() {
        assertThat(Registry.allocSite(-1)).isNull();
        assertThat(Registry.allocSite(Registry.MAX_SITES)).isNull();
        assertThat(Registry.allocSite(Registry.MAX_SITES - 1)).isNull();
    }

    @Test
    void theSnapshotListsEverySiteInIdOrder() {
        int id = register("snapshot", 7);
        AllocSite[] sites = Registry.allocSites();
        assertThat(sites.length).isGreaterThan(id);
        for (int i = 0; i < sites.length; i++) {
            assertThat(sites[i].id()).isEqualTo(i);
        }
    }
}
