/** Classes generated at bench time, for the instrumentation-time and many-site memory benchmarks. */
package com.acme.bench.gen;
