/**
 * Evidence for an alert beyond counts: which fields of the chosen packages are written but read
 * nowhere so far ({@code FieldUse}, filled from the bytecode the transformer already reads, and
 * {@code UnreadFieldFinder}, which answers for one key or value class). Bounded memory: hashes of
 * field and method names, never the application's objects.
 * May use: {@code snapshot}, the relocated ASM, {@code java.base}.
 */
package io.growthwatch.core.evidence;
