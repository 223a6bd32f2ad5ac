package io.growthwatch.core.instrument;

import net.bytebuddy.jar.asm.ClassReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells whether an application class extends a tracked map class, by reading the superclass chain
 * from class files through the class loader's resources, without loading any class.
 */
final class MapHierarchy {

    private static final int MAX_DEPTH = 32;

    private final Map<ClassLoader, Map<String, Boolean>> cache = new WeakHashMap<>();
    private final Map<String, Boolean> bootCache = new ConcurrentHashMap<>();

    /** Whether {@code internalName}, as seen from {@code loader}, is a tracked map class or extends one. */
    boolean isTrackedMap(ClassLoader loader, String internalName) {
        if (MapTypes.TRACKED.contains(internalName)) {
            return true;
        }
        if (MapTypes.isJdk(internalName) || internalName.startsWith("[")) {
            return false;
        }
        Map<String, Boolean> known = cacheOf(loader);
        Boolean cached = known.get(internalName);
        if (cached != null) {
            return cached;
        }
        boolean result = walk(loader, internalName);
        known.put(internalName, result);
        return result;
    }

    private boolean walk(ClassLoader loader, String internalName) {
        String name = internalName;
        for (int depth = 0; depth < MAX_DEPTH && name != null; depth++) {
            if (MapTypes.TRACKED.contains(name)) {
                return true;
            }
            if (MapTypes.isJdk(name)) {
                return false;
            }
            name = superName(loader, name);
        }
        return false;
    }

    private static String superName(ClassLoader loader, String internalName) {
        String resource = internalName + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource)) {
            return in == null ? null : new ClassReader(in).getSuperName();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Map<String, Boolean> cacheOf(ClassLoader loader) {
        if (loader == null) {
            return bootCache;
        }
        synchronized (cache) {
            return cache.computeIfAbsent(loader, l -> new ConcurrentHashMap<>());
        }
    }
}
