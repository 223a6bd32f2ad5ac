/**
 * The hooks that instrumented application code calls, and the site and instance registry they feed.
 *
 * <p>These classes are appended to the bootstrap class loader's search path so that code in any class
 * loader can reach them. They depend on {@code java.base} only, never log, and never let an exception
 * of their own escape into application code.
 */
package io.growthwatch.bootstrap;
