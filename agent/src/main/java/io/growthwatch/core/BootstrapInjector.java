package io.growthwatch.core;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Defines the hook classes in the bootstrap class loader, so that classes of any loader can call
 * them. Prefers defining them directly with the JDK's internal {@code Unsafe}, whose package is
 * opened to the agent alone through {@link Instrumentation#redefineModule}; appending to the
 * bootstrap search path is the fallback, because the JVM then disables class data sharing for
 * application classes and says so on standard error.
 */
final class BootstrapInjector {

    static final String PACKAGE = "io/growthwatch/bootstrap/";
    private static final String PROBE = "io.growthwatch.bootstrap.Registry";

    private BootstrapInjector() {
    }

    /** Makes the hooks visible in the bootstrap loader, unless an earlier start already did. */
    static void inject(Instrumentation instrumentation, File agentJar) throws IOException {
        if (agentJar == null || inBootLoader()) {
            return; // running from class folders (tests), or already injected
        }
        Map<String, byte[]> types = read(agentJar);
        try {
            defineInBootLoader(instrumentation, types);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            if (!inBootLoader()) {
                instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(agentJar));
            }
        }
    }

    private static void defineInBootLoader(Instrumentation instrumentation, Map<String, byte[]> types)
            throws ReflectiveOperationException {
        Module base = Object.class.getModule();
        Module self = BootstrapInjector.class.getModule();
        instrumentation.redefineModule(base, Set.of(), Map.of(), Map.of("jdk.internal.misc", Set.of(self)),
                Set.of(), Map.<Class<?>, List<Class<?>>>of());
        Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
        Field field = unsafeType.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        Object unsafe = field.get(null);
        Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, java.security.ProtectionDomain.class);
        for (Map.Entry<String, byte[]> type : types.entrySet()) {
            byte[] code = type.getValue();
            define.invoke(unsafe, type.getKey(), code, 0, code.length, null, null);
        }
    }

    private static boolean inBootLoader() {
        try {
            Class.forName(PROBE, false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static Map<String, byte[]> read(File agentJar) throws IOException {
        Map<String, byte[]> types = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(agentJar, false)) {
            for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                String name = entry.getName();
                if (name.startsWith(PACKAGE) && name.endsWith(".class") && !name.endsWith("package-info.class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        types.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), in.readAllBytes());
                    }
                }
            }
        }
        return types;
    }
}
