package io.growthwatch.core.detect;

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
 */
public record SiteRow(String site, String type, String field, int instances, long entries, long entriesPerMinute,
                      long inserts, long removes, String status) {
}
