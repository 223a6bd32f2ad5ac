/**
 * The agent's entry points ({@code premain}, {@code agentmain}, {@code main}): they put the
 * bootstrap hooks on the bootstrap class path and hand over to the agent's internals, which are
 * loaded by a class loader of their own and never seen by the application.
 */
package io.growthwatch.agent;
