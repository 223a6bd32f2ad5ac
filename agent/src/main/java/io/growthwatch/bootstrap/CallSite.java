package io.growthwatch.bootstrap;

/** A place in application code that mutates a map: one {@code map.put(...)} call, for instance. */
public final class CallSite {

    private final int id;
    private final SiteLocation location;
    private final String operation;

    /** The last tracked receiver seen here; racy reads are safe because {@link Hit} is immutable. */
    private Hit last;

    CallSite(int id, SiteLocation location, String operation) {
        this.id = id;
        this.location = location;
        this.operation = operation;
    }

    /** Identifier of this call site, stable for the life of the JVM. */
    public int id() {
        return id;
    }

    /** Where in the source the call is. */
    public SiteLocation location() {
        return location;
    }

    /** The map method called: {@code put}, {@code computeIfAbsent}, {@code remove}, ... */
    public String operation() {
        return operation;
    }

    /** The counter for {@code map}, or null when the map is not tracked. Never allocates on a hit. */
    CallCounter counterFor(Object map) {
        Hit hit = last;
        if (hit != null && hit.instance.get() == map) {
            return hit.counter;
        }
        TrackedMap tracked = Registry.instances().find(map);
        if (tracked == null) {
            return null;
        }
        CallCounter counter = tracked.site().counterFor(this);
        last = new Hit(tracked, counter);
        return counter;
    }

    private static final class Hit {
        final TrackedMap instance;
        final CallCounter counter;

        Hit(TrackedMap instance, CallCounter counter) {
            this.instance = instance;
            this.counter = counter;
        }
    }
}
