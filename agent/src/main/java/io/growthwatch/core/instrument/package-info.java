/**
 * The class file transformer: rewrites classes of the chosen packages with Byte Buddy's ASM so that
 * map allocations pass through {@code Hooks.allocated} and map mutation calls are preceded by
 * {@code Hooks.at}, and registers each allocation and call site with the hooks' registry. Never
 * throws, never logs; a class it cannot rewrite loads unchanged. May use: {@code bootstrap} (site
 * registration), {@code config}, the relocated ASM.
 */
package io.growthwatch.core.instrument;
