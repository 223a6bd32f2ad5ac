package io.growthwatch.core.detect;

import io.growthwatch.core.snapshot.KeyShape;
import io.growthwatch.core.snapshot.UnreadField;

import java.util.List;

/**
 * The one-line fix an alert suggests, chosen from its evidence by fixed rules (README, "The remedy"):
 * an unread timestamp says how to expire entries (by last use when it is updated, else by age); keys nobody uses again with no removes say to bound
 * the map; removes that lag say where to look. Names well-kept libraries without depending on them.
 */
public final class Remedy {

    /** Least share of watched keys not used again that reads as "one entry per id". */
    static final double MOSTLY_NEVER_AGAIN = 0.8;

    /** Least keys watched before their reuse counts as evidence. */
    static final int MIN_WATCHED = 5;

    private Remedy() {
    }

    /** The remedy for a leak suspect that is a map, with this evidence. */
    public static String forSuspect(List<UnreadField> unreadFields, KeyShape keys, long inserts, long removes) {
        return forSuspect("map", unreadFields, keys, inserts, removes);
    }

    /**
     * What a site of runtime class {@code type} holds, as alerts name it: "set" for the JDK's sets
     * (and classes named like one), else "map".
     */
    public static String noun(String type) {
        return type != null && (type.endsWith("Set") || type.endsWith("$KeySetView")) ? "set" : "map";
    }

    /** The remedy for a leak suspect, a {@code noun} ("map" or "set"), with this evidence. */
    public static String forSuspect(String noun, List<UnreadField> unreadFields, KeyShape keys, long inserts, long removes) {
        UnreadField timestamp = firstTimestamp(unreadFields);
        if (timestamp != null) {
            String field = timestamp.owner().substring(timestamp.owner().lastIndexOf('.') + 1) + "." + timestamp.name();
            return timestamp.updated()
                    ? "expire entries by " + field + " (a reaper removing entries idle too long, or a cache with"
                            + " expire-after-access, e.g. Caffeine's expireAfterAccess)"
                    : "expire entries by their age, " + field + " (a reaper removing entries older than a limit, or a"
                            + " cache with expire-after-write, e.g. Caffeine's expireAfterWrite)";
        }
        boolean neverAgain = keys.watched() >= MIN_WATCHED && keys.notSeenAgainShare() >= MOSTLY_NEVER_AGAIN;
        if (removes == 0 && neverAgain) {
            return "bound the " + noun + " (an LRU or a size-bounded cache, e.g. Caffeine's maximumSize) or stop keeping"
                    + " one entry per id";
        }
        if (removes == 0) {
            return "nothing removes from this " + noun + ": remove each entry when its work is done, or bound the " + noun
                    + " (e.g. Caffeine's maximumSize)";
        }
        return "removes do not keep pace (" + removes + " of " + inserts + " inserted keys removed): find the keys"
                + " that are never removed, or bound the " + noun + " (e.g. Caffeine's maximumSize)";
    }

    /** The first timestamp field, preferring one updated after construction (the fields come ranked so). */
    private static UnreadField firstTimestamp(List<UnreadField> fields) {
        for (UnreadField f : fields) {
            if (f.timestamp()) {
                return f;
            }
        }
        return null;
    }
}
