package io.growthwatch.core.instrument;

import io.growthwatch.bootstrap.Registry;
import io.growthwatch.bootstrap.SiteLocation;

/** Hands out site ids for one class being transformed, stable across retransformation. */
final class SiteRegistrar {

    private final String loaderKey;
    private final String loaderName;
    private final String className;
    private final String javaName;
    private String sourceFile;

    SiteRegistrar(ClassLoader loader, String className) {
        this.loaderKey = loader == null ? "boot" : loader.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(loader));
        this.loaderName = loaderName(loader);
        this.className = className;
        this.javaName = className.replace('/', '.');
    }

    void sourceFile(String file) {
        this.sourceFile = file;
    }

    /**
     * The id of the {@code ordinal}-th allocation site on a line, or -1 when the cap is reached. Keyed
     * by line rather than by method descriptor, so that a field initializer that the compiler copies
     * into every constructor is one site; without line numbers, by descriptor and ordinal in the method.
     */
    int allocation(String method, String descriptor, int ordinal, int line, String declaredType, String field) {
        String key = loaderKey + "|" + className + "." + method + where(descriptor, line) + "#new" + ordinal;
        return Registry.allocSite(key, location(method, line), declaredType.replace('/', '.'), field);
    }

    /** Names the field that holds what allocation site {@code site} makes, if it has none yet. */
    void nameField(int site, String field) {
        Registry.nameField(site, field);
    }

    /** The id of the {@code ordinal}-th mutation call site in a method, or -1 when the cap is reached. */
    int call(String method, String descriptor, int ordinal, int line, String operation, String receiverField) {
        String key = loaderKey + "|" + className + "." + method + where(descriptor, line) + "#call" + ordinal;
        return Registry.callSite(key, location(method, line), operation, receiverField);
    }

    private static String where(String descriptor, int line) {
        return line >= 0 ? ":" + line : descriptor;
    }

    private SiteLocation location(String method, int line) {
        return new SiteLocation(javaName, method, sourceFile, line, loaderName);
    }

    private static String loaderName(ClassLoader loader) {
        if (loader == null) {
            return "boot";
        }
        String name = loader.getName();
        return name != null ? name : loader.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(loader));
    }
}
