package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.DontInline;
import jdk.internal.vm.annotation.ForceInline;

import java.util.LinkedHashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The classes whose {@code removeEldestEntry} override growthwatch instrumented, and, for a cache's
 * class, the one of them whose override counts its inserts: the most derived. An override that calls
 * an instrumented one of a superclass through {@code super.removeEldestEntry} then counts each
 * insert once, with its own answer; the superclass's override counts only for instances whose class
 * has no instrumented override of its own below it.
 */
public final class EldestOverrides {

    /** Binary names of the classes declaring an instrumented override; as many as such classes. */
    private static final Set<String> DECLARING = ConcurrentHashMap.newKeySet();

    /** Bumped by each newly named class, so that an answer cached before it is asked again. */
    private static final AtomicInteger VERSION = new AtomicInteger();

    /** Per cache class: the declaring class that counts its inserts, as of a {@link #VERSION}. */
    private static final ClassValue<Counting> COUNTING = new ClassValue<>() {
        @Override
        protected Counting computeValue(Class<?> type) {
            int asOf = VERSION.get();
            return new Counting(asOf, mostDerivedDeclaring(type));
        }
    };

    private EldestOverrides() {
    }

    /** Notes that the {@code removeEldestEntry} declared by class {@code className} (a binary name) now reports its inserts. */
    public static void instrumented(String className) {
        if (DECLARING.add(className)) {
            VERSION.incrementAndGet();
        }
    }

    /**
     * Whether the override declared by {@code declaring} counts the inserts of an instance of
     * {@code type}: it is the most derived instrumented override of {@code type} (or {@code declaring}
     * is null: a class file too old to name its own class). One compare when {@code type} declares
     * the override. Never throws.
     */
    @ForceInline
    static boolean countedBy(Class<?> declaring, Class<?> type) {
        return type == declaring || declaring == null || countedBySubclass(declaring, type);
    }

    /** {@link #countedBy} for an instance of a subclass of {@code declaring}: the cached answer. */
    @DontInline
    private static boolean countedBySubclass(Class<?> declaring, Class<?> type) {
        Counting counting = COUNTING.get(type);
        if (counting.version != VERSION.get()) {
            COUNTING.remove(type); // a class named since: asked again, once
            counting = COUNTING.get(type);
        }
        return counting.declaring == null || counting.declaring == declaring;
    }

    /** The most derived class from {@code type} up that declares an instrumented override, or null. */
    private static Class<?> mostDerivedDeclaring(Class<?> type) {
        for (Class<?> c = type; c != null && c != LinkedHashMap.class; c = c.getSuperclass()) {
            if (DECLARING.contains(c.getName())) {
                return c;
            }
        }
        return null;
    }

    /** A cached answer of {@link #mostDerivedDeclaring}, with the {@link #VERSION} it was computed at. */
    private record Counting(int version, Class<?> declaring) {
    }
}
