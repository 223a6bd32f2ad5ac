package com.acme.compat.loaders.plugin;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A class that the host never loads through the application class loader: each isolated loader
 * defines its own copy, and each copy keeps every id it is given.
 */
public final class Leaky implements LongConsumer {

    private final Map<String, Long> seen = new HashMap<>();

    @Override
    public void accept(long id) {
        seen.put("id-" + id, id);
    }

    @Override
    public String toString() {
        ClassLoader loader = getClass().getClassLoader();
        return "size=" + seen.size() + " loader=" + (loader == null ? "boot" : loader.getName());
    }
}
