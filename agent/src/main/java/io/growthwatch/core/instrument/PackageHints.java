package io.growthwatch.core.instrument;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Suggests what a {@code packages} value that matches nothing was meant to be: the loaded packages'
 * prefixes closest to it in spelling ({@code com.exmaple} → {@code com.example}).
 */
public final class PackageHints {

    private PackageHints() {
    }

    /**
     * Up to {@code limit} prefixes of {@code loaded} packages (as many segments as each wanted
     * package has) closest to one of {@code wanted}, closest first; only near misses (an edit
     * distance of at most a third of the name, and at least 2).
     */
    public static List<String> closest(List<String> wanted, Collection<String> loaded, int limit) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String w : wanted) {
            int segments = w.split("\\.").length;
            for (String p : loaded) {
                String[] parts = p.split("\\.");
                if (parts.length >= segments) {
                    prefixes.add(String.join(".", java.util.Arrays.copyOf(parts, segments)));
                }
            }
        }
        record Hint(String prefix, int distance) {
        }
        List<Hint> hints = new ArrayList<>();
        for (String prefix : prefixes) {
            int best = Integer.MAX_VALUE;
            for (String w : wanted) {
                best = Math.min(best, distance(w, prefix));
            }
            int allowed = Math.max(2, prefix.length() / 3);
            if (best > 0 && best <= allowed) {
                hints.add(new Hint(prefix, best));
            }
        }
        hints.sort(Comparator.comparingInt(Hint::distance).thenComparing(Hint::prefix));
        return hints.stream().limit(limit).map(Hint::prefix).toList();
    }

    /** Levenshtein distance: single-character insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
