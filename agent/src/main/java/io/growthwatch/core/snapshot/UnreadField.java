package io.growthwatch.core.snapshot;

import java.util.List;

/**
 * A field of a key or value class of the chosen packages that is written but that no class loaded
 * so far reads: the seed story's "confession".
 *
 * @param owner     the class declaring the field, e.g. {@code com.acme.Session}
 * @param name      the field's name
 * @param type      the field's type as written in source, e.g. {@code long}, {@code java.time.Instant}
 * @param writtenIn the method that writes it, {@code Class.method}, preferring one that runs after
 *                  construction
 * @param timestamp whether the field looks like a point in time (a {@code java.time} or
 *                  {@code Date} type, or a {@code long} named like one)
 * @param updated   whether it is written after construction too (a last-use time rather than a
 *                  creation time)
 */
public record UnreadField(String owner, String name, String type, String writtenIn, boolean timestamp, boolean updated) {

    /** {@code com.acme.Session.lastSeen (long, written in Tracker.seen, read nowhere so far)}. */
    public String describe() {
        return owner + "." + name + " (" + type + ", written in " + writtenIn + ", read nowhere so far)";
    }

    /** The fields described and joined by {@code "; "}, or {@code none so far}. */
    public static String describeAll(List<UnreadField> fields) {
        if (fields.isEmpty()) {
            return "none so far";
        }
        StringBuilder s = new StringBuilder();
        for (UnreadField f : fields) {
            s.append(s.length() == 0 ? "" : "; ").append(f.describe());
        }
        return s.toString();
    }
}
