package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;
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
     * call, so it is a constant to the JIT (a call site whose target is a constant), which compiled
     * code is deoptimized to see change: no load at all while it is false, and no compiled loop can
     * keep an old value.
     */
    private static final MutableCallSite LOOKING_UP = new MutableCallSite(MethodHandles.constant(boolean.class, false));
    private static final MethodHandle LOOKING_UP_NOW = LOOKING_UP.dynamicInvoker();

    private AgentSwitch() {
    }

    /** Claims the single agent instance of this JVM; false when an agent was already started. */
    public static boolean claimStart() {
        return STARTED.compareAndSet(false, true);
    }

    /** Lets hooks track from now on, after initializing every class the hooks use. */
    public static void enable() {
        HookClasses.initialize();
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
        try {
            return (boolean) LOOKING_UP_NOW.invokeExact();
        } catch (Throwable impossible) {
            return false;
        }
    }

    /** Makes call sites look up receivers that are not counted twins, or stop; a no-op when already so. */
    static void lookUp(boolean on) {
        if (lookingUp() != on) {
            synchronized (LOOKING_UP) {
                LOOKING_UP.setTarget(MethodHandles.constant(boolean.class, on));
                MutableCallSite.syncAll(new MutableCallSite[] {LOOKING_UP});
            }
        }
    }

    /** Whether hooks are tracking. */
    public static boolean isEnabled() {
        return enabled;
    }
}
