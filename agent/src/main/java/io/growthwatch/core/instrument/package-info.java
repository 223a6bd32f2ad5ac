/**
 * The class file transformer: rewrites classes of the chosen packages with ASM so that
 * map allocations pass through {@code Hooks.allocated} and map mutation calls are preceded by
 * {@code Hooks.at} (a call that may reach a counted {@code ConcurrentHashMap} also branches to the
 * twin's own entry, passing its call site), {@code removeEldestEntry} overrides report each insert and eviction to
 * {@code Hooks.inserted}, and registers each allocation and call site with the hooks' registry.
 * A class whose constant pool names no map mutation and no map constructor is left unparsed
 * ({@code ConstantPoolScan}); superclass chains are read from class files once per loader
 * ({@code MapHierarchy}), never by loading a class. Never
 * throws, never logs; a class it cannot rewrite loads unchanged. May use: {@code bootstrap} (site
 * registration), {@code config}, the relocated ASM.
 */
package io.growthwatch.core.instrument;
