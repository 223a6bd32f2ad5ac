package io.growthwatch.core;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.util.List;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import jdk.internal.misc.Unsafe;

/**
 * Defines the hook classes in the bootstrap class loader, so that classes of any loader can call
 * them, and the counted twins of the JDK's maps in the JDK's own packages. Prefers defining them directly with the JDK's internal {@code Unsafe}, whose package is
 * exported to the agent alone through {@link Instrumentation#redefineModule}; appending to the
 * bootstrap search path is the fallback, because the JVM then disables class data sharing for
 * application classes and says so on standard error.
 */
final class BootstrapInjector {

    static final String PACKAGE = "io/growthwatch/bootstrap/";
    private static final String PROBE = "io.growthwatch.bootstrap.Registry";

    /** Where the jar keeps the counted twins of the JDK's maps, as class files no loader will load. */
    static final String TWINS = "inst/java/util/";

    /**
     * The twins' classes, in the order they must be defined (a superclass first, the factories
     * last), each with a JDK class of the package it must be defined in and, for the classes of the
     * instances, the name their {@code getName()} answers.
     */
    private static final List<Twin> TWIN_CLASSES = List.of(
            new Twin("GrowthwatchHashMap", java.util.HashMap.class, null),
            new Twin("GrowthwatchTrackedHashMap", java.util.HashMap.class, "java.util.HashMap"),
            new Twin("GrowthwatchLinkedHashMap", java.util.LinkedHashMap.class, null),
            new Twin("GrowthwatchTrackedLinkedHashMap", java.util.LinkedHashMap.class, "java.util.LinkedHashMap"),
            new Twin("concurrent/GrowthwatchConcurrentHashMap", java.util.concurrent.ConcurrentHashMap.class, null),
            new Twin("concurrent/GrowthwatchTrackedConcurrentHashMap", java.util.concurrent.ConcurrentHashMap.class,
                    "java.util.concurrent.ConcurrentHashMap"),
            new Twin("GrowthwatchTwins", java.util.HashMap.class, null),
            new Twin("concurrent/GrowthwatchConcurrentTwins", java.util.concurrent.ConcurrentHashMap.class, null),
            new Twin("GrowthwatchHashSet", java.util.HashSet.class, null),
            new Twin("GrowthwatchTrackedHashSet", java.util.HashSet.class, "java.util.HashSet"),
            new Twin("GrowthwatchLinkedHashSet", java.util.LinkedHashSet.class, null),
            new Twin("GrowthwatchTrackedLinkedHashSet", java.util.LinkedHashSet.class, "java.util.LinkedHashSet"),
            new Twin("GrowthwatchSets", java.util.HashSet.class, null));

    private record Twin(String path, Class<?> extended, String shownName) {
    }

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
        } catch (RuntimeException | LinkageError e) {
            if (!inBootLoader()) {
                instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(agentJar));
            }
        }
        try {
            defineTwins(instrumentation, agentJar);
        } catch (ReflectiveOperationException | IOException | RuntimeException | LinkageError e) {
            twinsFailure = e.toString(); // maps are then counted from their sizes; the agent says so once running
        }
    }

    /** Why the counted twins could not be defined, or null when they were (or need not be). */
    static volatile String twinsFailure;

    /**
     * Defines the counted twins of {@code HashMap}, {@code LinkedHashMap} and {@code ConcurrentHashMap}
     * in their JDK packages: {@code java.base} is made to read the hooks' module and to open those
     * packages to the agent alone, whose lookup then defines each twin next to the class it extends.
     */
    private static void defineTwins(Instrumentation instrumentation, File agentJar)
            throws ReflectiveOperationException, IOException {
        Module base = Object.class.getModule();
        Module hooks = Class.forName(PROBE, false, null).getModule();
        Module self = BootstrapInjector.class.getModule();
        instrumentation.redefineModule(base, Set.of(hooks), Map.of(),
                Map.of("java.util", Set.of(self), "java.util.concurrent", Set.of(self)),
                Set.of(), Map.of());
        try (JarFile jar = new JarFile(agentJar, false)) {
            for (Twin twin : TWIN_CLASSES) {
                String name = "java.util." + twin.path().replace('/', '.');
                try {
                    Class.forName(name, false, null);
                    continue; // defined by an earlier start in this JVM
                } catch (ClassNotFoundException notYet) {
                    // define it below
                }
                JarEntry entry = jar.getJarEntry(TWINS + twin.path() + ".classdata");
                if (entry == null) {
                    throw new IOException("the agent jar has no " + TWINS + twin.path() + ".classdata");
                }
                byte[] code = readEntry(jar, entry);
                Class<?> defined = MethodHandles.privateLookupIn(twin.extended(), MethodHandles.lookup()).defineClass(code);
                if (twin.shownName() != null) {
                    nameAfter(defined, twin.shownName());
                }
            }
        }
    }

    /**
     * Makes {@code twin.getName()} (and {@code toString()}, {@code getSimpleName()}) answer the name of
     * the JDK class it stands for, so that code printing a map's class (debug output, messages, tests
     * comparing them) sees what it saw without the agent. {@code Class} caches its name in a field
     * that the VM fills on first use; this fills it first, through the JDK's internal {@code Unsafe}
     * (reflection cannot see {@code Class}'s fields). The class declares no method of its own, so
     * reflection, which may look members up by the class's name, finds them all in its superclass.
     * Where this fails the class keeps its own name.
     */
    private static void nameAfter(Class<?> twin, String name) {
        try {
            Unsafe unsafe = Unsafe.getUnsafe();
            unsafe.putReferenceVolatile(twin, unsafe.objectFieldOffset(Class.class, "name"), name);
        } catch (RuntimeException | LinkageError e) {
            // the twin keeps its own name: only printed class names differ
        }
    }

    /**
     * Defines the hooks in the bootstrap loader with direct calls of {@code Unsafe}, not reflection:
     * on Java 18 and later a reflective call of a new shape spins method-handle classes (measured:
     * a trivial main 42 ms faster on Java 25 than with reflective calls here, 31 interleaved runs).
     */
    private static void defineInBootLoader(Instrumentation instrumentation, Map<String, byte[]> types) {
        Module base = Object.class.getModule();
        Module self = BootstrapInjector.class.getModule();
        instrumentation.redefineModule(base, Set.of(), Map.of("jdk.internal.misc", Set.of(self)), Map.of(),
                Set.of(), Map.<Class<?>, List<Class<?>>>of()); // direct calls need the export only, no opening
        Unsafe unsafe = Unsafe.getUnsafe();
        // A class can only be defined once its superclass and interfaces are: define in passes, each
        // defining what it can, until all are defined (the jar lists Outer$Inner before Outer).
        Map<String, byte[]> pending = new LinkedHashMap<>(types);
        while (!pending.isEmpty()) {
            int before = pending.size();
            NoClassDefFoundError last = null;
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, byte[]> type = it.next();
                byte[] code = type.getValue();
                try {
                    unsafe.defineClass(type.getKey(), code, 0, code.length, null, null);
                    it.remove();
                } catch (NoClassDefFoundError e) {
                    last = e; // a supertype not defined yet: next pass
                }
            }
            if (pending.size() == before) {
                throw last;
            }
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

    /** The jar's list of the hooks' class files, written at build time. */
    static final String BOOTSTRAP_LIST = "inst/bootstrap-classes.txt";

    private static Map<String, byte[]> read(File agentJar) throws IOException {
        Map<String, byte[]> types = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(agentJar, false)) {
            if (readListed(jar, types)) {
                return types;
            }
            types.clear();
            for (java.util.Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(PACKAGE) && name.endsWith(".class") && !name.endsWith("package-info.class")) {
                    types.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), readEntry(jar, entry));
                }
            }
        }
        return types;
    }

    /**
     * Reads the class files named by the jar's {@link #BOOTSTRAP_LIST} (a start-up without a scan of
     * the jar's 1,500 entries); false when the list or one of its files is missing.
     */
    private static boolean readListed(JarFile jar, Map<String, byte[]> types) throws IOException {
        JarEntry list = jar.getJarEntry(BOOTSTRAP_LIST);
        if (list == null) {
            return false;
        }
        String names;
        try (InputStream in = jar.getInputStream(list)) {
            names = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String line : names.split("\n")) {
            String name = line.strip().replace('\\', '/');
            if (name.isEmpty()) {
                continue;
            }
            JarEntry entry = jar.getJarEntry(name);
            if (entry == null || !name.startsWith(PACKAGE) || !name.endsWith(".class")) {
                return false;
            }
            types.put(name.substring(0, name.length() - ".class".length()).replace('/', '.'), readEntry(jar, entry));
        }
        return !types.isEmpty();
    }

    /**
     * The content of {@code entry}, read into one array of the size the jar gives (the JDK's
     * {@code readAllBytes} reads through 8 KiB buffers and copies: garbage on the application's start-up).
     */
    private static byte[] readEntry(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            long size = entry.getSize();
            if (size < 0 || size > Integer.MAX_VALUE) {
                return in.readAllBytes();
            }
            byte[] content = new byte[(int) size];
            if (in.readNBytes(content, 0, content.length) != content.length || in.read() != -1) {
                throw new IOException(entry.getName() + ": its size in the jar does not match its content");
            }
            return content;
        }
    }
}
