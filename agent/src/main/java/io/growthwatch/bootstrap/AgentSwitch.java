package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;

import java.util.concurrent.atomic.AtomicBoolean;

/** Whether the hooks work at all, and what they look for: the agent's switches, set by the agent. */
public final class AgentSwitch {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /** Whether hooks track new maps; cleared when the agent stops or its sampler dies. */
    static volatile boolean enabled;

    /** Whether untracked maps met at call sites are adopted: after a dynamic attach only. */
    static volatile boolean adopting;

    /**
     * Whether call sites look up receivers that are not counted twins: true once a map that cannot
     * count itself (an application subclass, an adopted map) is tracked. Read on every instrumented
     * call that meets a plain map: volatile, so that no compiled loop keeps an old value, which on
     * x86 costs a plain load. (A constant the JIT folds, through a {@code MutableCallSite}, measured
     * no faster and cost the start-up some 60 ms of method-handle set-up.)
     */
    private static volatile boolean lookingUp;

    private AgentSwitch() {
    }

    /** Claims the single agent instance of this JVM; false when an agent was already started. */
    public static boolean claimStart() {
        return STARTED.compareAndSet(false, true);
    }

    /** Lets hooks track from now on, after initializing every class the hooks use and linking the paths they share. */
    public static void enable() {
        HookClasses.initialize();
        if (ContendedPaths.needed()) {
            ContendedPaths.take();
        }
        enabled = true;
    }

    /** Adopts maps allocated before the agent was attached when instrumented code first touches them. */
    public static void adoptPreexisting() {
        adopting = true;
        lookUp(true);
    }

    /** Stops tracking new maps; maps already counted count on, harmlessly. */
    public static void disable() {
        enabled = false;
        lookUp(false);
    }

    /** Whether call sites look up receivers that are not counted twins. */
    @ForceInline
    static boolean lookingUp() {
        return lookingUp;
    }

    /** Makes call sites look up receivers that are not counted twins, or stop. */
    static void lookUp(boolean on) {
        if (lookingUp != on) {
            lookingUp = on;
        }
    }

    /**
     * Whether a plain {@code HashMap}, {@code LinkedHashMap} or {@code ConcurrentHashMap} may be
     * tracked as it is, not as its counted twin: once maps allocated before a dynamic attach are
     * adopted, or when the twins could not be defined. Code instrumented while false calls
     * {@link Hooks#at}, which skips plain {@code HashMap}s at once; else {@link Hooks#atAnyMap}.
     */
    public static boolean plainMapsTrackable() {
        return adopting || !CountedMaps.available();
    }

    /** Whether hooks are tracking. */
    public static boolean isEnabled() {
        return enabled;
    }
}
