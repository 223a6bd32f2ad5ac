package com.acme.bench.memory;

import java.lang.reflect.Method;

/**
 * Reads the agent's counts through reflection, when the agent runs: the instance table's entries and
 * the allocation sites registered. Compiled without the agent, so it never links to its classes.
 */
public final class AgentProbe {

    private static final String REGISTRY = "io.growthwatch.bootstrap.Registry";
    private static final String SWITCH = "io.growthwatch.bootstrap.AgentSwitch";

    private AgentProbe() {
    }

    /** Entries in the agent's instance table (live instances plus uncollected tombstones), or -1. */
    public static long tableEntries() {
        try {
            Object table = registry().getMethod("instances").invoke(null);
            Method occupied = table.getClass().getMethod("occupied");
            return ((Number) occupied.invoke(table)).longValue();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /** Allocation sites registered with the agent, or -1 without the agent. */
    public static long allocationSites() {
        try {
            Object[] sites = (Object[]) registry().getMethod("allocSites").invoke(null);
            return sites.length;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether the agent's hooks are in the bootstrap class loader, i.e. an agent was attached and installed. */
    public static boolean installed() {
        try {
            registry();
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Whether the installed agent's hooks are counting; false without the agent. */
    public static boolean enabled() {
        try {
            Class<?> holder;
            try {
                holder = Class.forName(SWITCH, false, null);
            } catch (ClassNotFoundException olderAgent) {
                holder = registry(); // agents before the counted maps kept the switch in the registry
            }
            return (Boolean) holder.getMethod("isEnabled").invoke(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static Class<?> registry() throws ClassNotFoundException {
        return Class.forName(REGISTRY, false, null);
    }
}
