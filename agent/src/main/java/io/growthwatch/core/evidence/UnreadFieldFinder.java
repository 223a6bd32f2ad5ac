package io.growthwatch.core.evidence;

import io.growthwatch.core.snapshot.UnreadField;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Names the fields of a key or value class of the chosen packages (and of its superclasses in them)
 * that some code writes and that no class scanned so far reads: directly (outside plain getters and
 * {@code toString()}), or through a getter somebody calls. Reads the class's own class file from its
 * loader once per change of the {@link FieldUse} bookkeeping; finds nothing for a class without one.
 * Used by the sampler's thread only.
 */
public final class UnreadFieldFinder {

    /** Fields named per class at most. */
    static final int MAX_FIELDS = 4;

    /** An answer is kept this long at least, even when newly loaded classes may have changed it. */
    static final long REFRESH_MILLIS = 5_000;

    /** Classes whose answers are kept; the cache is dropped whole beyond. */
    static final int MAX_CACHED_CLASSES = 256;

    private static final Set<String> TIME_TYPES = Set.of("Ljava/time/Instant;", "Ljava/time/LocalDateTime;",
            "Ljava/time/OffsetDateTime;", "Ljava/time/ZonedDateTime;", "Ljava/time/LocalDate;", "Ljava/util/Date;",
            "Ljava/sql/Timestamp;", "Ljava/util/Calendar;");

    /** Names of {@code long} fields that hold a point in time: lastSeen, updatedAt, expiresAt, touchedMillis, ... */
    private static final Pattern TIME_NAME = Pattern.compile(
            "(?i:.*(seen|time|millis|nanos|stamp|date|expir|updated|created|touched|access|modified|epoch|when|deadline).*)"
                    + "|.*[a-z]At|ts|.*[a-z]Ts");

    private final FieldUse use;
    private final Predicate<String> chosen;
    private final Map<Class<?>, Answer> cache = new WeakHashMap<>();

    private record Answer(int version, long atMillis, List<UnreadField> fields) {
    }

    /** Answers from {@code use} for the classes {@code chosen} accepts (internal names). */
    public UnreadFieldFinder(FieldUse use, Predicate<String> chosen) {
        this.use = use;
        this.chosen = chosen;
    }

    /**
     * Unread fields of {@code type} and its superclasses in the chosen packages, timestamps first, as
     * of {@code nowMillis} (an answer is reused for {@link #REFRESH_MILLIS} while classes load).
     */
    public List<UnreadField> unreadFields(Class<?> type, long nowMillis) {
        int version = use.version();
        Answer cached = cache.get(type);
        if (cached != null && (cached.version == version || nowMillis - cached.atMillis < REFRESH_MILLIS)) {
            return cached.fields;
        }
        List<UnreadField> found = new ArrayList<>();
        for (Class<?> c = type; c != null && chosen.test(internalName(c)); c = c.getSuperclass()) {
            found.addAll(inClass(c));
        }
        found.sort(Comparator.comparingInt(UnreadFieldFinder::rank)); // stable: declaration order within a rank
        List<UnreadField> answer = List.copyOf(found.subList(0, Math.min(MAX_FIELDS, found.size())));
        if (cache.size() >= MAX_CACHED_CLASSES) {
            cache.clear();
        }
        cache.put(type, new Answer(version, nowMillis, answer));
        return answer;
    }

    private static int rank(UnreadField f) {
        return f.timestamp() ? (f.updated() ? 0 : 1) : 2;
    }

    private static String internalName(Class<?> c) {
        return c.getName().replace('.', '/');
    }

    /** What one field of the class under study is, and where it is written and returned. */
    private static final class FieldFacts {
        final String name;
        final String descriptor;
        String constructorWriter;
        String laterWriter;
        final List<String> getters = new ArrayList<>(1); // name + descriptor

        FieldFacts(String name, String descriptor) {
            this.name = name;
            this.descriptor = descriptor;
        }
    }

    private List<UnreadField> inClass(Class<?> c) {
        String internal = internalName(c);
        byte[] bytes = classFile(c, internal);
        if (bytes == null) {
            return List.of();
        }
        String simple = internal.substring(internal.lastIndexOf('/') + 1);
        Map<String, FieldFacts> fields = new LinkedHashMap<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                if ((access & (Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC)) == 0) {
                    fields.put(name, new FieldFacts(name, descriptor));
                }
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                return new MethodCode(internal, access, name, descriptor) {
                    @Override
                    void read(String owner, String field) {
                        // reads are FieldUse's: every scanned class, this one included
                    }

                    @Override
                    void written(String owner, String field) {
                        FieldFacts f = owner.equals(internal) ? fields.get(field) : null;
                        if (f == null) {
                            return;
                        }
                        String writer = simple + "." + name;
                        if (name.equals("<init>")) {
                            f.constructorWriter = f.constructorWriter == null ? writer : f.constructorWriter;
                        } else if (f.laterWriter == null) {
                            f.laterWriter = writer;
                        }
                    }

                    @Override
                    void called(String owner, String method, String methodDescriptor) {
                    }

                    @Override
                    void end(String getterOf) {
                        FieldFacts f = getterOf == null ? null : fields.get(getterOf);
                        if (f != null) {
                            f.getters.add(name + descriptor);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        List<UnreadField> unread = new ArrayList<>();
        for (FieldFacts f : fields.values()) {
            String foreign = use.foreignWriter(internal, f.name);
            String later = f.laterWriter != null ? f.laterWriter : foreign;
            String writer = later != null ? later : f.constructorWriter;
            if (writer == null || use.isRead(internal, f.name) || getterCalled(f)) {
                continue;
            }
            unread.add(new UnreadField(c.getName(), f.name, Type.getType(f.descriptor).getClassName(), writer,
                    isTimestamp(f.name, f.descriptor), later != null));
        }
        return unread;
    }

    private boolean getterCalled(FieldFacts f) {
        for (String g : f.getters) {
            int paren = g.indexOf('(');
            if (use.isInvoked(g.substring(0, paren), g.substring(paren))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a field looks like a point in time: a time type, or a {@code long} named like one. */
    static boolean isTimestamp(String name, String descriptor) {
        if (TIME_TYPES.contains(descriptor)) {
            return true;
        }
        return (descriptor.equals("J") || descriptor.equals("Ljava/lang/Long;")) && TIME_NAME.matcher(name).matches();
    }

    private static byte[] classFile(Class<?> c, String internal) {
        ClassLoader loader = c.getClassLoader();
        if (loader == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(internal + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
