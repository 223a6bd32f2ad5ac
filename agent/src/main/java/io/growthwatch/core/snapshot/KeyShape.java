package io.growthwatch.core.snapshot;

/**
 * The shape of the keys sampled from one allocation site's maps, never their content: their type,
 * the length range of string keys, and how many sampled keys were used again (looked up or inserted
 * again) while watched.
 *
 * @param type         simple name of the keys' class ({@code String}, {@code UUID}, or the full name
 *                     of an application class), {@code mixed} when sampled keys differ, or null
 *                     when no key was sampled
 * @param minLength    shortest sampled string key, -1 when the keys are not strings
 * @param maxLength    longest sampled string key, -1 when the keys are not strings
 * @param watched      sampled keys watched for one interval each
 * @param seenAgain    of those, the keys used again while watched
 * @param watchMillis  how long each key was watched
 */
public record KeyShape(String type, int minLength, int maxLength, int watched, int seenAgain, long watchMillis) {

    /** No key sampled yet. */
    public static final KeyShape UNKNOWN = new KeyShape(null, -1, -1, 0, 0, 0);

    /** Keys watched that nobody used again while watched. */
    public int notSeenAgain() {
        return watched - seenAgain;
    }

    /** Share of the watched keys not used again, 0 to 1; 0 when none was watched. */
    public double notSeenAgainShare() {
        return watched == 0 ? 0 : (double) notSeenAgain() / watched;
    }

    /**
     * One line for a person: {@code String, 32-36 chars, 95 % not seen again (19 of 20 sampled keys,
     * each watched 10s)}; {@code unknown} when no key was sampled.
     */
    public String describe() {
        if (type == null) {
            return "unknown (no key sampled yet)";
        }
        StringBuilder s = new StringBuilder(type);
        if (minLength >= 0) {
            s.append(", ").append(minLength == maxLength ? Integer.toString(minLength) : minLength + "-" + maxLength)
                    .append(" chars");
        }
        if (watched > 0) {
            s.append(", ").append(Math.round(notSeenAgainShare() * 100)).append(" % not seen again (")
                    .append(notSeenAgain()).append(" of ").append(watched).append(" sampled keys, each watched ")
                    .append(duration(watchMillis)).append(')');
        } else {
            s.append(", reuse not measured yet");
        }
        return s.toString();
    }

    /** {@code 500ms}, {@code 1s}, {@code 2.5s}: tenths of seconds from one second on. */
    private static String duration(long millis) {
        if (millis < 1000) {
            return millis + "ms";
        }
        long tenths = Math.round(millis / 100.0);
        return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10 + "." + tenths % 10 + "s";
    }
}
