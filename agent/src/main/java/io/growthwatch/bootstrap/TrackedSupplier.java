package io.growthwatch.bootstrap;

import java.util.function.Supplier;

/**
 * A map factory of the chosen code made from a constructor reference ({@code HashMap::new}): each map
 * it supplies passes through the allocation hook of the site where the reference was made, as a map
 * the code constructed itself would.
 */
final class TrackedSupplier<T> implements Supplier<T> {

    private final Supplier<T> supplier;
    private final int siteId;

    TrackedSupplier(Supplier<T> supplier, int siteId) {
        this.supplier = supplier;
        this.siteId = siteId;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        T made = supplier.get();
        return made == null ? null : (T) Hooks.allocated(made, siteId);
    }
}
