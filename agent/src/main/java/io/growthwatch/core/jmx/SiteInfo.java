package io.growthwatch.core.jmx;

import io.growthwatch.core.detect.SiteRow;
import io.growthwatch.core.snapshot.UnreadField;

/** One allocation site as JMX open data (a {@code CompositeData} with these getters as items). */
public final class SiteInfo {

    private final SiteRow row;

    /** Wraps a row of the site table. */
    public SiteInfo(SiteRow row) {
        this.row = row;
    }

    /** Where the maps are allocated. */
    public String getSite() {
        return row.site();
    }

    /** Runtime class of the maps. */
    public String getType() {
        return row.type();
    }

    /** Field holding the map, or empty. */
    public String getField() {
        return row.field() == null ? "" : row.field();
    }

    /** Live tracked instances. */
    public int getInstances() {
        return row.instances();
    }

    /** Live entries. */
    public long getEntries() {
        return row.entries();
    }

    /** Growth per minute over the window. */
    public long getEntriesPerMinute() {
        return row.entriesPerMinute();
    }

    /** Keys inserted through instrumented call sites. */
    public long getInserts() {
        return row.inserts();
    }

    /** Keys removed through instrumented call sites. */
    public long getRemoves() {
        return row.removes();
    }

    /** Shape of the sampled keys: type, string lengths, share not used again. */
    public String getKeys() {
        return row.keys().describe();
    }

    /** Fields of the sampled keys' and values' classes written but read nowhere so far. */
    public String getUnreadFields() {
        return UnreadField.describeAll(row.unreadFields());
    }

    /** The fix the evidence suggests for a suspect, or empty. */
    public String getRemedy() {
        return row.remedy() == null ? "" : row.remedy();
    }

    /** {@code leak-suspect} or {@code ok}. */
    public String getStatus() {
        return row.status();
    }
}
