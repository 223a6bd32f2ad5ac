package io.growthwatch.core.instrument;

import org.objectweb.asm.ClassReader;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells whether an application class extends a tracked map or set class, and which, by reading the superclass chain
 * from class files through the class loader's resources, without loading any class. Every class on
 * a chain is answered once per class loader (a framework's classes share long chains of abstract
 * superclasses), and the superclass of a class the transformer has in hand is taken from its bytes.
 */
final class MapHierarchy {

    private static final int MAX_DEPTH = 32;

    private final Map<ClassLoader, Loader> loaders = new WeakHashMap<>();
    private final Loader boot = new Loader();

    /** What is known of the classes of one class loader. */
    private static final class Loader {
        /** Answers, per class: the tracked JDK class it extends, or {@link #NONE}. */
        final Map<String, String> answers = new ConcurrentHashMap<>();
        /** Superclasses learnt from class files being transformed, until the class is answered. */
        final Map<String, String> supers = new ConcurrentHashMap<>();
    }

    private static final String NONE = "";

    /** Whether {@code internalName}, as seen from {@code loader}, is a tracked map or set class or extends one. */
    boolean isTracked(ClassLoader loader, String internalName) {
        return trackedRoot(loader, internalName) != null;
    }

    /** Whether {@code internalName} is a tracked map class or extends one. */
    boolean isTrackedMap(ClassLoader loader, String internalName) {
        String root = trackedRoot(loader, internalName);
        return root != null && !MapTypes.SETS.contains(root);
    }

    /** Whether {@code internalName} is a tracked set class or extends one. */
    boolean isTrackedSet(ClassLoader loader, String internalName) {
        String root = trackedRoot(loader, internalName);
        return root != null && MapTypes.SETS.contains(root);
    }

    /** The tracked JDK class that {@code internalName} is or extends, or null. */
    private String trackedRoot(ClassLoader loader, String internalName) {
        if (MapTypes.TRACKED.contains(internalName)) {
            return internalName;
        }
        if (MapTypes.isJdk(internalName) || internalName.startsWith("[")) {
            return null;
        }
        Loader known = of(loader);
        String cached = known.answers.get(internalName);
        String answer = cached != null ? cached : walk(loader, known, internalName);
        return answer.isEmpty() ? null : answer;
    }

    /** Records that {@code internalName}, being defined by {@code loader}, extends {@code superName}. */
    void learn(ClassLoader loader, String internalName, String superName) {
        if (superName == null || MapTypes.isJdk(internalName)) {
            return;
        }
        Loader known = of(loader);
        if (!known.answers.containsKey(internalName)) {
            known.supers.put(internalName, superName);
        }
    }

    /** Walks up from {@code internalName} to the first class whose answer is known, and answers the chain. */
    private String walk(ClassLoader loader, Loader known, String internalName) {
        List<String> chain = new ArrayList<>();
        String name = internalName;
        String answer = NONE;
        for (int depth = 0; depth < MAX_DEPTH && name != null; depth++) {
            if (MapTypes.TRACKED.contains(name)) {
                answer = name;
                break;
            }
            if (MapTypes.isJdk(name)) {
                break;
            }
            String cached = known.answers.get(name);
            if (cached != null) {
                answer = cached;
                break;
            }
            chain.add(name);
            String learnt = known.supers.get(name);
            name = learnt != null ? learnt : superName(loader, name);
        }
        for (String c : chain) {
            known.answers.put(c, answer);
            known.supers.remove(c);
        }
        return answer;
    }

    private static String superName(ClassLoader loader, String internalName) {
        String resource = internalName + ".class";
        try (InputStream in = loader == null ? ClassLoader.getSystemResourceAsStream(resource) : loader.getResourceAsStream(resource)) {
            return in == null ? null : new ClassReader(in).getSuperName();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private Loader of(ClassLoader loader) {
        if (loader == null) {
            return boot;
        }
        synchronized (loaders) {
            Loader known = loaders.get(loader);
            if (known == null) {
                known = new Loader();
                loaders.put(loader, known);
            }
            return known;
        }
    }
}
