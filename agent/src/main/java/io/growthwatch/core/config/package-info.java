/**
 * The agent's options (JaCoCo-style text, a properties file, {@code -Dgrowthwatch.*}) parsed into
 * {@code AgentOptions}, the one-line errors bad input gets, and the lines printed before logging
 * exists. May use: {@code java.base} only; every other package may use it.
 */
package io.growthwatch.core.config;
