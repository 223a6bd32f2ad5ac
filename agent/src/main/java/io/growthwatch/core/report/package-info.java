/**
 * Outputs: the {@code Reporter} interface, and the log (SLF4J 2 key-value lines into the agent's own
 * logback context, configured in code), JSON-lines report file, summary table and unit formats;
 * {@code Reporters} hands each interval to all of them with the log volume bounded. A new output
 * implements {@code Reporter} and is added in {@code runtime.AgentRuntime}. May use: {@code detect}
 * (its findings), {@code config}, the relocated SLF4J, logback and Gson; never the hooks.
 */
package io.growthwatch.core.report;
