package io.growthwatch.bootstrap;

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
     * count itself (an application subclass, an adopted map) is tracked. Volatile only so that a
     * compiled loop cannot keep an old value for ever: on x86 its read is a plain load.
     */
    static volatile boolean lookingUp;

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
        lookingUp = true;
    }

    /** Stops tracking new maps; maps already counted count on, harmlessly. */
    public static void disable() {
        enabled = false;
        lookingUp = false;
    }

    /** Whether hooks are tracking. */
    public static boolean isEnabled() {
        return enabled;
    }
}
