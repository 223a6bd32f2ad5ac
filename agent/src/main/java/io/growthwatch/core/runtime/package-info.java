/**
 * The running agent: {@code AgentRuntime} wires logging, reporters, meter, detector and JMX bean on
 * the agent's own thread and registers the summary at exit; {@code SamplingLoop} is the loop
 * (advance the hooks' clock, measure, detect, report) with its failure policy; {@code FaultReports}
 * logs the agent's own problems, rate-limited. May use every {@code core} package and the hooks'
 * switches; nothing uses it but the installer.
 */
package io.growthwatch.core.runtime;
