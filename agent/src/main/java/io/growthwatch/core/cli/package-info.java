/**
 * {@code java -jar growthwatch-agent.jar attach|status ...}: attaching to a running JVM (through
 * byte-buddy-agent) and reading a running agent's sites over the JVM's local JMX. May use:
 * {@code config}, {@code jmx}, {@code jdk.attach}, the relocated byte-buddy-agent; never the hooks.
 */
package io.growthwatch.core.cli;
