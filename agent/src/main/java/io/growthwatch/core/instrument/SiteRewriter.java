package io.growthwatch.core.instrument;

import io.growthwatch.bootstrap.AgentSwitch;
import io.growthwatch.bootstrap.CountedMaps;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AnalyzerAdapter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Rewrites the methods of one class: after each construction of a tracked map or set it passes the
 * new object through {@code Hooks.allocated(map, site)}, which returns the one to go on with (the
 * same one, or a map's counted twin), and before each map or set mutation call it calls
 * {@code Hooks.at(receiver, site)} (after an attach {@code Hooks.atAnyMap}) or {@code Hooks.atSet(receiver, site)}, leaving the call itself as
 * it was; a bulk set call ({@code addAll}, {@code removeIf}, ...) is made by a hook in its place.
 *
 * <p>A map call that may reach the counted twin of a {@code ConcurrentHashMap} gains a branch: its hook
 * ({@code Hooks.atUnlessConcurrentTwin}) answers whether the receiver is that twin; if so, the call goes
 * through {@code GrowthwatchConcurrentTwins} with the call site's id as an argument, otherwise the
 * original call runs as above (the hook has done the rest). A map's {@code remove(key)} branches so for
 * every counted twin ({@code Hooks.atUnlessTwin}, {@code Hooks.removeFrom}); without the branch it is
 * followed by {@code Hooks.removeReturned(receiver)}. A {@code containsKey(key)} call is preceded by
 * {@code Hooks.lookingUp(receiver, key)} (see {@code java.util.GrowthwatchHashMap} for why). Before
 * all that, a map call whose receiver may be exactly a {@code HashMap} (typed {@code Map},
 * {@code AbstractMap} or {@code HashMap}) first compares the receiver's class with {@code HashMap}'s
 * and, when equal, makes the original call with no hook: such a map is never tracked as it is (a
 * picked one became a twin), and there the JIT knows its exact class, as without the agent. The
 * branches' frames come from an {@link AnalyzerAdapter} that follows the method's own frames
 * (class files of Java 7 on; older ones, and code the adapter cannot type, keep the hook alone).
 * Adds no members or locals, so retransformation is allowed.
 */
final class SiteRewriter extends ClassVisitor {

    static final String HOOKS = "io/growthwatch/bootstrap/Hooks";

    /** The class whose static methods make a call on a {@code ConcurrentHashMap} twin for a call site. */
    static final String CONCURRENT_TWINS = "java/util/concurrent/GrowthwatchConcurrentTwins";

    /** Receiver types of a call that may reach a {@code ConcurrentHashMap} (its twin replaces only exact instances). */
    private static final Set<String> CONCURRENT_RECEIVERS = Set.of("java/util/Map", "java/util/AbstractMap",
            "java/util/concurrent/ConcurrentMap", "java/util/concurrent/ConcurrentHashMap");

    /** Receiver types of a call that may reach any counted twin (each replaces only exact instances of its JDK class). */
    private static final Set<String> TWIN_RECEIVERS = Set.of("java/util/Map", "java/util/AbstractMap",
            "java/util/HashMap", "java/util/LinkedHashMap",
            "java/util/concurrent/ConcurrentMap", "java/util/concurrent/ConcurrentHashMap");

    /** Receiver types of a call whose receiver may be exactly a {@code HashMap}. */
    private static final Set<String> PLAIN_HASH_MAP_RECEIVERS = Set.of("java/util/Map", "java/util/AbstractMap",
            "java/util/HashMap");

    private static final String SUPPLIER = "java/util/function/Supplier";
    private static final String LAMBDA_METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    /** {@code LinkedHashMap}'s question to itself after each insert: true evicts the eldest entry. */
    static final String REMOVE_ELDEST = "removeEldestEntry";
    static final String REMOVE_ELDEST_DESCRIPTOR = "(Ljava/util/Map$Entry;)Z";

    /** The descriptor of the hooks a {@code removeEldestEntry} override calls: its answer, itself, its class. */
    private static final String ELDEST_HOOK = "(ZLjava/lang/Object;Ljava/lang/Class;)V";

    /**
     * Map mutations the {@code ConcurrentHashMap} twin takes with the call site as an argument (name and
     * descriptor; {@code remove(key)}: every twin, see {@link #TWIN_RECEIVERS}); {@code putAll} and
     * {@code clear} name their call site as before.
     */
    private static final Set<String> TWIN_OPERATIONS = Set.of(
            "put(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;",
            "putIfAbsent(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;",
            "remove(Ljava/lang/Object;)Ljava/lang/Object;",
            "remove(Ljava/lang/Object;Ljava/lang/Object;)Z",
            "computeIfAbsent(Ljava/lang/Object;Ljava/util/function/Function;)Ljava/lang/Object;",
            "computeIfPresent(Ljava/lang/Object;Ljava/util/function/BiFunction;)Ljava/lang/Object;",
            "compute(Ljava/lang/Object;Ljava/util/function/BiFunction;)Ljava/lang/Object;",
            "merge(Ljava/lang/Object;Ljava/lang/Object;Ljava/util/function/BiFunction;)Ljava/lang/Object;");

    /** {@code Map.remove(Object)}: a counted map cannot see such a call end when the key was absent. */
    private static final String REMOVE_KEY = "remove(Ljava/lang/Object;)Ljava/lang/Object;";

    /** {@code Map.containsKey(Object)}: a lookup the sampler's key watch hears of from the call site. */
    private static final String CONTAINS_KEY = "containsKey(Ljava/lang/Object;)Z";

    /** Object-typed field reads remembered per line, to name the field a mutated map came from. */
    private static final int MAX_FIELD_READS = 8;

    private final ClassLoader loader;
    private final MapHierarchy hierarchy;
    private final SiteRegistrar registrar;

    /** {@code at}, or {@code atAnyMap} while plain JDK maps may be tracked (after an attach). */
    private final String mapHook;
    private final String className;
    /** Whether map calls may gain the twin branch: the twins exist and the class file has frames to follow. */
    private boolean twinCalls;
    /** Whether the class file may load its own class as a constant ({@code ldc} of a class: Java 5 on). */
    private boolean namesOwnClass;
    /** Whether a {@code removeEldestEntry} override of this class now reports its inserts. */
    private boolean reportsEldest;
    /** The class file being rewritten, read once more only for a {@code removeEldestEntry} override ({@link EldestScan}). */
    private final ClassReader reader;
    private int rewrites;

    SiteRewriter(ClassVisitor next, ClassReader reader, ClassLoader loader, String className, MapHierarchy hierarchy) {
        super(Opcodes.ASM9, next);
        this.reader = reader;
        this.loader = loader;
        this.hierarchy = hierarchy;
        this.registrar = new SiteRegistrar(loader, className);
        this.mapHook = AgentSwitch.plainMapsTrackable() ? "atAnyMap" : "at";
        this.className = className;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        // Java 7 class files always have frames and never JSR; the adapter needs both
        twinCalls = (version & 0xFFFF) >= Opcodes.V1_7 && CountedMaps.available();
        namesOwnClass = (version & 0xFFFF) >= Opcodes.V1_5;
        super.visit(version, access, name, signature, superName, interfaces);
    }

    /** Number of instructions rewritten so far. */
    int rewrites() {
        return rewrites;
    }

    /** Whether a method is a {@code removeEldestEntry} override, whose calls are inserts to count. */
    static boolean isEldestOverride(int access, String method, String descriptor) {
        return (access & Opcodes.ACC_STATIC) == 0 && REMOVE_ELDEST.equals(method) && REMOVE_ELDEST_DESCRIPTOR.equals(descriptor);
    }

    /** Whether the class declares a {@code removeEldestEntry} override that now reports its inserts. */
    boolean reportsEldest() {
        return reportsEldest;
    }

    @Override
    public void visitSource(String source, String debug) {
        registrar.sourceFile(source);
        super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (next == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return next;
        }
        if (!twinCalls) {
            return new MethodRewriter(next, null, access, name, descriptor);
        }
        AnalyzerAdapter frames = new AnalyzerAdapter(className, access, name, descriptor, next);
        return new MethodRewriter(frames, frames, access, name, descriptor);
    }

    /** A {@code GETFIELD} or {@code GETSTATIC} of an object-typed field, as the class file names it. */
    private record FieldRead(String owner, String name, String descriptor) {
    }

    /** A {@code NEW} whose constructor call has not been seen yet. */
    private static final class PendingNew {
        final String type;
        final boolean tracked;
        final int line;
        boolean awaitingDup = true;
        boolean duplicated;

        PendingNew(String type, boolean tracked, int line) {
            this.type = type;
            this.tracked = tracked;
            this.line = line;
        }
    }

    private final class MethodRewriter extends MethodVisitor {

        private final String method;
        private final String descriptor;
        /** The types of the locals and the stack before the instruction being emitted (null: no twin branches). */
        private final AnalyzerAdapter frames;
        private final Deque<PendingNew> pending = new ArrayDeque<>();
        private PendingNew constructed; // constructed map whose hook waits for the next instruction
        private int lastAllocationSite = -1; // the site whose hook was emitted just now, or -1
        private int unnamedSite = -1; // a site whose map went into a set: the next instruction may name its field
        private boolean passesUnnamed; // the instruction about to be visited passes the unnamed site's object on (collect, a cast)
        private int line = -1;
        /**
         * Object-typed fields read since the last line or label, in order; whether a type is a map is asked only when a mutation call follows, since asking
         * may read class files (most field reads never meet one).
         */
        private final java.util.List<FieldRead> fieldReads = new java.util.ArrayList<>();

        /** Whether this is a {@code removeEldestEntry} override: its calls are inserts, its true answers evictions, to count. */
        private final boolean reportsInserts;
        /** Whether this override calls map mutations itself: its insert is then counted as it begins ({@link EldestScan}). */
        private final boolean eldestMutates;
        private final java.util.Map<Integer, int[]> ordinals = new java.util.HashMap<>(); // per line: allocations, calls

        MethodRewriter(MethodVisitor next, AnalyzerAdapter frames, int access, String method, String descriptor) {
            super(Opcodes.ASM9, next);
            this.frames = frames;
            this.method = method;
            this.descriptor = descriptor;
            this.reportsInserts = isEldestOverride(access, method, descriptor);
            this.eldestMutates = reportsInserts && EldestScan.mutatesInside(reader);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            if (eldestMutates) {
                // the insert counted before the override's own map calls, which touch the map
                super.visitInsn(Opcodes.ICONST_0);
                pushThisAndOwnClass();
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "inserted", ELDEST_HOOK, false);
                rewrites++;
            }
        }

        /** [...] -> [..., this, this class (null where the class file cannot name it)]. */
        private void pushThisAndOwnClass() {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            if (namesOwnClass) {
                super.visitLdcInsn(Type.getObjectType(className));
            } else {
                super.visitInsn(Opcodes.ACONST_NULL);
            }
        }

        /**
         * Called before every instruction, label or frame: emits a waiting allocation hook, naming the
         * field when the instruction about to be visited stores the new map into one.
         */
        private void before(int opcode, String fieldOwner, String fieldName) {
            PendingNew top = pending.peek();
            if (top != null && top.awaitingDup) {
                top.awaitingDup = false;
                top.duplicated = opcode == Opcodes.DUP;
            }
            String field = (opcode == Opcodes.PUTFIELD || opcode == Opcodes.PUTSTATIC) && fieldOwner != null
                    ? fieldOwner.replace('/', '.') + "." + fieldName : null;
            if (unnamedSite >= 0 && !passesUnnamed) {
                if (field != null) {
                    registrar.nameField(unnamedSite, field);
                }
                unnamedSite = -1;
            }
            passesUnnamed = false;
            if (constructed != null) {
                PendingNew done = constructed;
                constructed = null;
                lastAllocationSite = hookAllocation("allocated", done.type, done.line, done.type, field);
            }
        }

        private void before(int opcode) {
            before(opcode, null, null);
        }

        /**
         * Registers the next allocation site of {@code line} (maps of {@code declaredType}, stored into
         * {@code field} or null) and passes the object on the stack through {@code Hooks.hook(Object,
         * int)}, cast back to {@code castTo}: {@code [o] -> [o, site] -> [o']}. Nothing when the site cap
         * is reached.
         */
        private int hookAllocation(String hook, String castTo, int line, String declaredType, String field) {
            int site = registrar.allocation(method, descriptor, ordinals(line)[0]++, line, declaredType, field);
            if (site >= 0) {
                super.visitLdcInsn(site);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, "(Ljava/lang/Object;I)Ljava/lang/Object;", false);
                super.visitTypeInsn(Opcodes.CHECKCAST, castTo);
                rewrites++;
            }
            return site;
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            super.visitLineNumber(line, start);
            this.line = line;
            fieldReads.clear();
        }

        @Override
        public void visitLabel(Label label) {
            before(-1);
            super.visitLabel(label);
            fieldReads.clear();
        }

        @Override
        public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
            before(-1);
            super.visitFrame(type, numLocal, local, numStack, stack);
        }

        @Override
        public void visitInsn(int opcode) {
            before(opcode);
            if (opcode == Opcodes.IRETURN && reportsInserts) {
                // [evict] -> [evict, evict, this, declaring class] -> [evict]: the cache's answer goes to the hook, then back
                super.visitInsn(Opcodes.DUP);
                pushThisAndOwnClass();
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, eldestMutates ? "evicting" : "inserted", ELDEST_HOOK, false);
                rewrites++;
                reportsEldest = true;
            }
            super.visitInsn(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            before(opcode);
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            before(opcode);
            super.visitVarInsn(opcode, varIndex);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            passesUnnamed = opcode == Opcodes.CHECKCAST;
            before(opcode);
            if (opcode == Opcodes.NEW) {
                pending.push(new PendingNew(type, hierarchy.isTracked(loader, type), line));
            }
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            before(opcode, owner, name);
            if ((opcode == Opcodes.GETFIELD || opcode == Opcodes.GETSTATIC) && descriptor.startsWith("L")
                    && fieldReads.size() < MAX_FIELD_READS) {
                fieldReads.add(new FieldRead(owner, name, descriptor));
            }
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            lastAllocationSite = -1;
            passesUnnamed = opcode == Opcodes.INVOKEINTERFACE && "collect".equals(name); // stream.collect(collector)
            before(opcode);
            if (opcode == Opcodes.INVOKESTATIC && lastAllocationSite >= 0 && MapTypes.wrapsInSet(owner, name, descriptor)) {
                // Collections.newSetFromMap(new ConcurrentHashMap<>()): the set, not the map, goes into the field
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                unnamedSite = lastAllocationSite;
                return;
            }
            if (opcode == Opcodes.INVOKESPECIAL && "<init>".equals(name)) {
                PendingNew top = pending.peek();
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                if (top != null && top.type.equals(owner)) { // otherwise a super(...) or this(...) call
                    pending.pop();
                    if (top.tracked && top.duplicated) {
                        constructed = top;
                    }
                }
                return;
            }
            String collected = opcode == Opcodes.INVOKESTATIC ? MapTypes.collectedMap(owner, name, descriptor) : null;
            if (collected != null) {
                // [collector] -> [collector, site] -> [collector whose result map meets the allocation hook]
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                unnamedSite = hookAllocation("collected", "java/util/stream/Collector", line, collected, null);
                return;
            }
            String madeSet = opcode == Opcodes.INVOKESTATIC ? MapTypes.madeSet(owner, name, descriptor) : null;
            if (madeSet != null) {
                // the set meets the allocation hook before the next instruction, which may store it into a field
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                constructed = new PendingNew(madeSet, true, line);
                return;
            }
            if (opcode == Opcodes.INVOKEINTERFACE || opcode == Opcodes.INVOKEVIRTUAL) {
                String operation = MapTypes.operation(name, descriptor);
                String setOperation = MapTypes.setOperation(name, descriptor);
                if (operation != null && isMapReceiver(owner)) {
                    if (!plainHashMapBranch(opcode, owner, name, descriptor, isInterface, operation)) {
                        hookedMapCall(opcode, owner, name, descriptor, isInterface, operation);
                    }
                    return;
                } else if (CONTAINS_KEY.equals(name + descriptor) && isMapReceiver(owner) && CountedMaps.available()) {
                    // [m,k] -> [m,k,m,k] -> [m,k]: the key watch of a counted map, then the original call
                    super.visitInsn(Opcodes.DUP2);
                    super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "lookingUp", "(Ljava/lang/Object;Ljava/lang/Object;)V", false);
                    rewrites++;
                } else if (setOperation != null && isSetReceiver(owner)) {
                    String bulk = MapTypes.bulkSetHook(setOperation);
                    if (bulk != null && replaceBulkCall(bulk, setOperation, descriptor)) {
                        return;
                    }
                    hookCall("atSet", setOperation, descriptor);
                }
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        /**
         * Emits the hooked form of a map call (where {@link #plainHashMapBranch} applies, for a
         * receiver that is not exactly a {@code HashMap}): the twin branch, else the hook before the
         * original call (and after a {@code remove(key)} when needed), else the original call alone.
         */
        private void hookedMapCall(int opcode, String owner, String name, String calledDescriptor, boolean isInterface,
                                   String operation) {
            if (twinBranch(opcode, owner, name, calledDescriptor, isInterface, operation)) {
                return;
            }
            if (hookCall(mapHook, operation, calledDescriptor) && REMOVE_KEY.equals(name + calledDescriptor)
                    && TWIN_RECEIVERS.contains(owner)) {
                removeThenReturned(opcode, owner, name, calledDescriptor, isInterface);
                return;
            }
            super.visitMethodInsn(opcode, owner, name, calledDescriptor, isInterface);
        }

        /**
         * Emits, where the receiver may be exactly a {@code HashMap} (never tracked as it is: a picked
         * one became a twin), a test of its class, the original call for that case and the
         * {@linkplain #hookedMapCall hooked form} for any other, and returns true; false, emitting
         * nothing, where the test does not apply (no frames, another receiver type, plain maps
         * trackable after an attach).
         * <pre>
         * [m, a..] -> [m, a.., m] -> [m, a.., m.getClass()] -> == HashMap.class:
         *   true:  [m, a..] -> original call -> [r] -> goto done
         *   false, or m null: [m, a..] -> hooked form -> [r]
         * done: [r]
         * </pre>
         * In the first branch C2 knows the receiver's exact class, as it did without the agent right
         * after {@code new HashMap<>()}; behind the hook it would not (the hook returns the twin of a
         * picked map), and {@code HashMap.putVal}'s calls of methods that {@code LinkedHashMap} and
         * the twins override would stay virtual where C2 inlines {@code putVal} into the caller (measured
         * on Java 25: a short-lived map with 4 puts and 2 gets +10 ns per map).
         */
        private boolean plainHashMapBranch(int opcode, String owner, String name, String calledDescriptor, boolean isInterface,
                                           String operation) {
            if (frames == null || frames.locals == null || frames.stack == null || !"at".equals(mapHook)
                    || !PLAIN_HASH_MAP_RECEIVERS.contains(owner)) {
                return false;
            }
            Type[] arguments = Type.getArgumentTypes(calledDescriptor);
            Object[] locals = frameTypes(frames.locals); // read before emitting: the adapter follows the emitted code
            Object[] before = frameTypes(frames.stack); // [.., m, a..]
            Object[] after = stackAfterCall(before, calledDescriptor); // [.., r]
            Object[] withReceiver = java.util.Arrays.copyOf(before, before.length + 1); // [.., m, a.., m]
            withReceiver[before.length] = before[before.length - arguments.length - 1];
            Label nullReceiver = new Label();
            Label hooked = new Label();
            copyReceiverToTop(arguments.length);
            super.visitInsn(Opcodes.DUP);
            super.visitJumpInsn(Opcodes.IFNULL, nullReceiver); // the original call raises the original exception, below
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Object", "getClass", "()Ljava/lang/Class;", false);
            super.visitLdcInsn(Type.getObjectType("java/util/HashMap"));
            super.visitJumpInsn(Opcodes.IF_ACMPNE, hooked);
            super.visitMethodInsn(opcode, owner, name, calledDescriptor, isInterface);
            Label done = new Label();
            super.visitJumpInsn(Opcodes.GOTO, done);
            super.visitLabel(nullReceiver);
            super.visitFrame(Opcodes.F_NEW, locals.length, locals, withReceiver.length, withReceiver);
            super.visitInsn(Opcodes.POP);
            super.visitLabel(hooked);
            super.visitFrame(Opcodes.F_NEW, locals.length, locals, before.length, before);
            hookedMapCall(opcode, owner, name, calledDescriptor, isInterface, operation);
            super.visitLabel(done);
            super.visitFrame(Opcodes.F_NEW, locals.length, locals, after.length, after);
            super.visitInsn(Opcodes.NOP); // keeps a frame of the original code that follows off this offset
            return true;
        }

        /** The frame's stack {@code before} ({@code [.., m, a..]}) once a call of {@code calledDescriptor} on {@code m} returned: {@code [.., r]}. */
        private static Object[] stackAfterCall(Object[] before, String calledDescriptor) {
            int arguments = Type.getArgumentTypes(calledDescriptor).length;
            Type result = Type.getReturnType(calledDescriptor);
            Object[] after = new Object[before.length - arguments - 1 + (result.getSort() == Type.VOID ? 0 : 1)];
            System.arraycopy(before, 0, after, 0, before.length - arguments - 1);
            if (result.getSort() != Type.VOID) {
                after[after.length - 1] = result.getSort() == Type.OBJECT ? result.getInternalName() : Opcodes.INTEGER;
            }
            return after;
        }

        /**
         * Registers a call site of {@code operation} and calls {@code hook(receiver, site)} before the
         * call; false when the site cap is reached (the call stays as it was).
         */
        private boolean hookCall(String hook, String operation, String calledDescriptor) {
            int site = registrar.call(method, this.descriptor, ordinals(line)[1]++, line, operation, receiverFieldRead());
            if (site >= 0) {
                copyReceiverToTop(Type.getArgumentTypes(calledDescriptor).length);
                super.visitLdcInsn(site);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, hook, "(Ljava/lang/Object;I)V", false);
                rewrites++;
            }
            return site >= 0;
        }

        /**
         * Emits a map's {@code remove(key)} followed by {@code Hooks.removeReturned(map)}, which a
         * counted map needs when the key was absent:
         * {@code [m,k] -> [k,m] -> [m,k,m] -> [m,m,k] -> remove -> [m,r] -> [r,m] -> [r]}.
         */
        private void removeThenReturned(int opcode, String owner, String name, String calledDescriptor, boolean isInterface) {
            super.visitInsn(Opcodes.SWAP);
            super.visitInsn(Opcodes.DUP_X1);
            super.visitInsn(Opcodes.SWAP);
            super.visitMethodInsn(opcode, owner, name, calledDescriptor, isInterface);
            super.visitInsn(Opcodes.SWAP);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "removeReturned", "(Ljava/lang/Object;)V", false);
        }

        /**
         * Emits the call of {@code operation} with the twin branch, when the receiver may be a
         * {@code ConcurrentHashMap} twin (any twin, for {@code remove(key)}) and the frame here is known:
         * <pre>
         * [m, a..] -> [m, a.., m, site] -> [m, a.., hookUnlessConcurrentTwin(m, site)]
         *   true:  [m, a.., site] -> GrowthwatchConcurrentTwins.op(m, a.., site) -> [r]
         *   false: [m, a..] -> original call -> [r]
         * </pre>
         * For {@code remove(key)} the hook is {@code hookUnlessTwin} and the twin's call
         * {@code Hooks.removeFrom}. False, emitting nothing, when the branch does not apply: the caller
         * emits the hook alone.
         */
        private boolean twinBranch(int opcode, String owner, String name, String calledDescriptor, boolean isInterface,
                                   String operation) {
            boolean removeKey = REMOVE_KEY.equals(name + calledDescriptor);
            if (frames == null || frames.locals == null || frames.stack == null
                    || !(removeKey ? TWIN_RECEIVERS : CONCURRENT_RECEIVERS).contains(owner)
                    || !TWIN_OPERATIONS.contains(name + calledDescriptor)) {
                return false;
            }
            int site = registrar.call(method, this.descriptor, ordinals(line)[1]++, line, operation, receiverFieldRead());
            if (site < 0) {
                return true; // the site cap is reached: the call stays as it was
            }
            Type[] arguments = Type.getArgumentTypes(calledDescriptor);
            Type result = Type.getReturnType(calledDescriptor);
            Object[] locals = frameTypes(frames.locals);
            Object[] before = frameTypes(frames.stack); // [.., m, a..]
            Object[] after = stackAfterCall(before, calledDescriptor); // [.., r]
            Label original = new Label();
            Label done = new Label();
            copyReceiverToTop(arguments.length);
            super.visitLdcInsn(site);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, mapHook + (removeKey ? "UnlessTwin" : "UnlessConcurrentTwin"),
                    "(Ljava/lang/Object;I)Z", false);
            super.visitJumpInsn(Opcodes.IFEQ, original);
            super.visitLdcInsn(site);
            String twinDescriptor = "(Ljava/lang/Object;" + calledDescriptor.substring(1, calledDescriptor.indexOf(')'))
                    + "I)" + result.getDescriptor();
            if (removeKey) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "removeFrom", twinDescriptor, false);
            } else {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, CONCURRENT_TWINS, name, twinDescriptor, false);
            }
            super.visitJumpInsn(Opcodes.GOTO, done);
            super.visitLabel(original);
            super.visitFrame(Opcodes.F_NEW, locals.length, locals, before.length, before);
            super.visitMethodInsn(opcode, owner, name, calledDescriptor, isInterface); // no twin comes here
            super.visitLabel(done);
            super.visitFrame(Opcodes.F_NEW, locals.length, locals, after.length, after);
            super.visitInsn(Opcodes.NOP); // keeps a frame of the original code that follows off this offset
            rewrites++;
            return true;
        }

        /**
         * Replaces a bulk set call ({@code addAll}, {@code removeIf}, ...) by {@code Hooks.bulk(set,
         * argument, site)}, which makes the same call: {@code [s, a] -> [s, a, site] -> [result]}.
         * False when the site cap is reached: the call then stays as it was.
         */
        private boolean replaceBulkCall(String bulk, String operation, String calledDescriptor) {
            int site = registrar.call(method, this.descriptor, ordinals(line)[1]++, line, operation, receiverFieldRead());
            if (site < 0) {
                return false;
            }
            String argument = calledDescriptor.substring(1, calledDescriptor.indexOf(')'));
            super.visitLdcInsn(site);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, bulk, "(Ljava/util/Collection;" + argument + "I)Z", false);
            rewrites++;
            return true;
        }

        /**
         * Pushes a copy of the receiver that lies under {@code arguments} references, with stack
         * instructions only (at most two more slots): {@code [m, a1..an] -> [m, a1..an, m]}.
         */
        private void copyReceiverToTop(int arguments) {
            switch (arguments) {
                case 0 -> super.visitInsn(Opcodes.DUP);
                case 1 -> { // [m,k] -> [m,k,m,k] -> [m,k,m]
                    super.visitInsn(Opcodes.DUP2);
                    super.visitInsn(Opcodes.POP);
                }
                case 2 -> { // [m,k,v] -> [k,v,m,k,v] -> [k,v,m] -> [m,k,v,m]
                    super.visitInsn(Opcodes.DUP2_X1);
                    super.visitInsn(Opcodes.POP2);
                    super.visitInsn(Opcodes.DUP_X2);
                }
                case 3 -> { // [m,k,v,f] -> [v,f,m,k,v,f] -> [v,f,m,k] -> [m,k,v,f,m,k] -> [m,k,v,f,m]
                    super.visitInsn(Opcodes.DUP2_X2);
                    super.visitInsn(Opcodes.POP2);
                    super.visitInsn(Opcodes.DUP2_X2);
                    super.visitInsn(Opcodes.POP);
                }
                default -> throw new IllegalArgumentException("no map mutation takes " + arguments + " arguments");
            }
        }

        /** {@code types} as a frame lists them: a long or double is one entry, where the adapter keeps it as two. */
        private static Object[] frameTypes(List<Object> types) {
            List<Object> compact = new ArrayList<>(types.size());
            for (int i = 0; i < types.size(); i++) {
                Object type = types.get(i);
                compact.add(type);
                if (type == Opcodes.LONG || type == Opcodes.DOUBLE) {
                    i++; // its second slot, TOP
                }
            }
            return compact.toArray();
        }

        /** Allocations and calls counted so far on {@code line}. */
        private int[] ordinals(int line) {
            int[] counts = ordinals.get(line);
            if (counts == null) {
                counts = new int[2];
                ordinals.put(line, counts);
            }
            return counts;
        }

        /** The first map- or set-typed field read since the last line or label, or null. */
        private String receiverFieldRead() {
            for (FieldRead read : fieldReads) {
                String type = read.descriptor().substring(1, read.descriptor().length() - 1);
                if (isMapReceiver(type) || isSetReceiver(type) && !"java/util/Collection".equals(type)) {
                    return read.owner().replace('/', '.') + "." + read.name();
                }
            }
            return null;
        }

        private boolean isMapReceiver(String owner) {
            return MapTypes.RECEIVERS.contains(owner) || hierarchy.isTrackedMap(loader, owner);
        }

        private boolean isSetReceiver(String owner) {
            return MapTypes.SET_RECEIVERS.contains(owner) || hierarchy.isTrackedSet(loader, owner);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            before(Opcodes.INVOKEDYNAMIC);
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
            String made = constructorReferenceSupplier(name, descriptor, bootstrap, arguments);
            if (made != null) {
                // [supplier] -> [supplier, site] -> [supplier whose maps meet the allocation hook]
                hookAllocation("supplied", SUPPLIER, line, made, null);
            }
        }

        /**
         * The map class of a constructor reference made into a {@code Supplier} ({@code HashMap::new},
         * {@code LinkedHashMap::new} passed as a map factory), or null for any other call site. Only
         * the plain lambda metafactory: a serializable lambda is left as it is.
         */
        private String constructorReferenceSupplier(String name, String descriptor, Handle bootstrap, Object[] arguments) {
            if (!"get".equals(name) || !descriptor.endsWith(")L" + SUPPLIER + ";") || arguments.length < 2
                    || !LAMBDA_METAFACTORY.equals(bootstrap.getOwner()) || !"metafactory".equals(bootstrap.getName())
                    || !(arguments[1] instanceof Handle target) || target.getTag() != Opcodes.H_NEWINVOKESPECIAL) {
                return null;
            }
            return hierarchy.isTracked(loader, target.getOwner()) ? target.getOwner() : null;
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            before(opcode);
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitLdcInsn(Object value) {
            before(Opcodes.LDC);
            super.visitLdcInsn(value);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            before(Opcodes.IINC);
            super.visitIincInsn(varIndex, increment);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            before(Opcodes.TABLESWITCH);
            super.visitTableSwitchInsn(min, max, dflt, labels);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            before(Opcodes.LOOKUPSWITCH);
            super.visitLookupSwitchInsn(dflt, keys, labels);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            before(Opcodes.MULTIANEWARRAY);
            super.visitMultiANewArrayInsn(descriptor, numDimensions);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            before(-1);
            super.visitMaxs(maxStack + 3, maxLocals); // the hooks push at most three more values
        }

        @Override
        public void visitEnd() {
            before(-1);
            super.visitEnd();
        }
    }
}
