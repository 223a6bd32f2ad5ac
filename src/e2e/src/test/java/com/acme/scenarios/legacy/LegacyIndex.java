package com.acme.scenarios.legacy;

import org.outside.Filler;

import java.util.HashMap;
import java.util.Map;

/**
 * {@code ForeignFilledAfterMisses} written as Java 6 code (no lambda, no string concatenation), so
 * that a test can run it as a Java 6 class file: one without stack map frames, whose call sites the
 * agent rewrites without the twin branch. Its map is filled only by code outside the chosen
 * packages, while this class removes keys that are never there.
 */
public final class LegacyIndex {

    private final Map<String, Object> index = new HashMap<String, Object>();

    /** Removes a key that was never inserted, then lets other code insert one. */
    public void handled(long i) {
        index.remove(String.valueOf(-1 - i));
        Filler.add(index, String.valueOf(i));
    }

    /** Keys held. */
    public int size() {
        return index.size();
    }
}
