/**
 * Issue 5, benchmark 6: a program run in child JVMs (one per agent configuration) that measures used
 * heap after full collections around each workload phase and prints the numbers for the runner.
 */
package com.acme.bench.memory;
