package com.acme.demo;

import java.util.Locale;

/** How the demo treats its session tracker: leave it to grow (the bug) or reap it (the fix). */
public enum Mode {
    /** The seed's bug: sessions are inserted and never removed. */
    LEAKY,
    /** The fix: a reaper expires idle sessions and rebuilds the map when it becomes sparse. */
    FIXED;

    /** Parses {@code leaky} or {@code fixed} (case-insensitive). */
    public static Mode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown mode '" + text + "' (expected leaky or fixed)", e);
        }
    }

    /** Returns the lower-case name used on the command line and in /stats. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
