package io.growthwatch.core.track;

import io.growthwatch.bootstrap.TrackedMap;
import io.growthwatch.core.snapshot.KeyShape;

import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;

/**
 * Learns, per allocation site, the shape of its keys from the one entry the meter reads per interval:
 * the keys' type, the length range of string keys, and whether a sampled key is used again. For the
 * last, it watches the sampled key's hash in its map ({@link TrackedMap#watchKey}) until the next
 * interval, when the map's own lookups and inserts have said whether the key came back. Remembers
 * the classes of the sampled key and value (weakly) for the field evidence. Never keeps a key, a
 * value or their content. Used by the sampler's thread only.
 *
 * <p>A watch is judged only once it has lasted {@code minWatchMillis}: a measurement right after an
 * interval's (the summary at JVM exit) would otherwise judge a key watched for a few milliseconds, not
 * yet due to come back, as one nobody uses again.
 */
final class KeySampler {

    private final long minWatchMillis;

    /** Creates a sampler that judges a watched key once it has been watched {@code minWatchMillis}. */
    KeySampler(long minWatchMillis) {
        this.minWatchMillis = minWatchMillis;
    }

    /** Per site: the key being watched, and what the sampled keys looked like. */
    private static final class SiteKeys {
        TrackedMap watched; // the agent's own record of the map, never the map
        long watchStartMillis;
        String type;
        int minLength = Integer.MAX_VALUE;
        int maxLength = -1;
        int judged;
        int seenAgain;
        long watchMillis;
        WeakReference<Class<?>> keyClass;
        WeakReference<Class<?>> valueClass;
    }

    private final Map<Integer, SiteKeys> sites = new HashMap<>();

    /**
     * Ends the watch of {@code siteId} if it has lasted long enough: counts whether its key came back.
     * Called once per site and measurement, before {@link #sampled}.
     */
    void judge(int siteId, long nowMillis) {
        SiteKeys s = sites.get(siteId);
        if (s == null || s.watched == null) {
            return;
        }
        if (s.watched.get() == null) {
            s.watched = null; // the map is gone: its key tells nothing
            return;
        }
        if (nowMillis - s.watchStartMillis < minWatchMillis) {
            return; // too early to tell: the watch goes on
        }
        boolean seen = s.watched.stopWatching();
        s.watchMillis = nowMillis - s.watchStartMillis;
        s.judged++;
        if (seen) {
            s.seenAgain++;
        }
        s.watched = null;
    }

    /** An entry read from {@code map}, a map of site {@code siteId}: learns its shape and watches its key. */
    void sampled(int siteId, TrackedMap map, TableInspector.Entry entry, long nowMillis) {
        SiteKeys s = sites.computeIfAbsent(siteId, id -> new SiteKeys());
        Object key = entry.key();
        String type = typeName(key.getClass());
        s.type = s.type == null || s.type.equals(type) ? type : "mixed";
        if (key instanceof String string) {
            s.minLength = Math.min(s.minLength, string.length());
            s.maxLength = Math.max(s.maxLength, string.length());
        }
        s.keyClass = new WeakReference<>(key.getClass());
        if (entry.value() != null) {
            s.valueClass = new WeakReference<>(entry.value().getClass());
        }
        if (s.watched == null) {
            map.watchKey(entry.hash());
            s.watched = map;
            s.watchStartMillis = nowMillis;
        }
    }

    /** What the sampled keys of {@code siteId} looked like so far. */
    KeyShape shape(int siteId) {
        SiteKeys s = sites.get(siteId);
        if (s == null || s.type == null) {
            return KeyShape.UNKNOWN;
        }
        boolean strings = s.maxLength >= 0 && !s.type.equals("mixed");
        return new KeyShape(s.type, strings ? s.minLength : -1, strings ? s.maxLength : -1, s.judged, s.seenAgain,
                s.watchMillis);
    }

    /** The classes of the latest sampled key and value of {@code siteId} still loaded, or none. */
    Class<?>[] entryClasses(int siteId) {
        SiteKeys s = sites.get(siteId);
        if (s == null) {
            return new Class<?>[0];
        }
        Class<?> k = s.keyClass == null ? null : s.keyClass.get();
        Class<?> v = s.valueClass == null ? null : s.valueClass.get();
        return k == null ? (v == null ? new Class<?>[0] : new Class<?>[] {v})
                : v == null ? new Class<?>[] {k} : new Class<?>[] {v, k};
    }

    /** {@code String}, {@code UUID}: simple names for the JDK's classes; full names for others; an enum's own class. */
    static String typeName(Class<?> type) {
        Class<?> named = type.isAnonymousClass() && type.getSuperclass() != null && type.getSuperclass().isEnum()
                ? type.getSuperclass() : type;
        return named.getName().startsWith("java.") ? named.getSimpleName() : named.getName();
    }
}
