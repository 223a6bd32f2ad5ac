package io.growthwatch.core.snapshot;

/**
 * Inserts and removes one call site made into one allocation site's maps.
 *
 * @param site      the call site, {@code pkg.Class.method(File.java:LINE)}, or one of the names below
 * @param operation the map method called ({@code put}, {@code remove}, ...), {@code *} when several
 * @param inserts   keys it inserted
 * @param removes   keys it removed
 */
public record CallSiteCount(String site, String operation, long inserts, long removes) {

    /** How changes made by no instrumented call site are named. */
    public static final String OUTSIDE = "(not an instrumented call: code outside the chosen packages, an iterator or a view)";

    /** How call sites beyond the per-site cap are named. */
    public static final String OTHER_CALL_SITES = "(other call sites)";
}
