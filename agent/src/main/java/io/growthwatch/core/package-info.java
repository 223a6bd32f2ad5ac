/**
 * The agent's internals: option parsing, class transformation, sampling, detection and reporting.
 * Loaded by the agent's own class loader, invisible to the application.
 */
package io.growthwatch.core;
