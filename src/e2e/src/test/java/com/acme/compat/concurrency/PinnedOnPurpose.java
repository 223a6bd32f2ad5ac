package com.acme.compat.concurrency;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A deliberate pinning outside growthwatch, as a control for the pinning check: a virtual thread
 * that sleeps inside a class initializer cannot unmount from its carrier, and one that waits for
 * that initialization is pinned too.
 */
final class PinnedOnPurpose {

    static final class SlowInit {
        static {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    private PinnedOnPurpose() {
    }

    static void pinTwice() throws Exception {
        Method factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
        ExecutorService executor = (ExecutorService) factory.invoke(null);
        Future<?> first = executor.submit(SlowInit::touch);
        Future<?> second = executor.submit(SlowInit::touch);
        first.get();
        second.get();
        executor.shutdown();
    }
}
