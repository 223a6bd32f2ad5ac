/**
 * The start-up path after the launcher: {@code Installer} validates the options, has
 * {@code BootstrapInjector} define the hooks in the bootstrap loader and the counted maps in
 * {@code java.util}, switches the hooks on, registers the transformer and starts the runtime
 * ({@code core.runtime}). Everything under {@code io.growthwatch.core} is loaded by the agent's own
 * class loader, invisible to the application.
 *
 * <p>How data flows from here on (each package says what it may use):
 * <pre>
 *   instrumented code → bootstrap (hooks, counts)
 *     → track (reads them: one immutable snapshot per interval) → snapshot (the values)
 *     → detect (findings, table rows) → report / jfr / jmx (outputs)
 *   runtime drives the loop; config is shared by all; cli is the jar's command line.
 * </pre>
 */
package io.growthwatch.core;
