/**
 * The launcher: the agent jar's entry points ({@code premain}, {@code agentmain}, {@code main}). It
 * loads the agent's internals ({@code io.growthwatch.core}) in a class loader of their own, never seen
 * by the application, and hands over to {@code core.Installer}; it touches no logging and no hook.
 * May use: {@code java.base} and {@code java.instrument} only.
 */
package io.growthwatch.agent;
