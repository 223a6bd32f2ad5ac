package io.growthwatch.core.detect;

import io.growthwatch.core.snapshot.KeyShape;
import io.growthwatch.core.snapshot.UnreadField;

import java.util.List;

/**
 * One line of the summary table: the state of one allocation site.
 *
 * @param site             where the maps are allocated
 * @param type             runtime class of the maps
 * @param field            field the map is stored into, or null
 * @param instances        live tracked instances
 * @param entries          live entries
 * @param entriesPerMinute growth over the detection window
 * @param inserts          keys inserted through instrumented call sites
 * @param removes          keys removed through instrumented call sites
 * @param status           {@code leak-suspect} or {@code ok}
 * @param keys             the shape of the sampled keys
 * @param unreadFields     fields of the sampled keys' and values' classes written but read nowhere so far
 * @param remedy           the fix the evidence suggests for a suspect, else null
 */
public record SiteRow(String site, String type, String field, int instances, long entries, long entriesPerMinute,
                      long inserts, long removes, String status, KeyShape keys,
                      List<UnreadField> unreadFields, String remedy) {

    /** Defensive copy. */
    public SiteRow {
        unreadFields = List.copyOf(unreadFields);
    }
}
