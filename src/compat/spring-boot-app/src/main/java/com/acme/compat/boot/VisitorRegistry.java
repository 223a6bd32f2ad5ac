package com.acme.compat.boot;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers every visitor id it is shown and never forgets one: the leak. Fed by HTTP requests and,
 * when {@code leak.keys-per-tick} is above 0, by a scheduled task that adds that many new ids every
 * 10 ms.
 */
@Component
public class VisitorRegistry {

    private final Map<String, Long> visitors = new ConcurrentHashMap<>();
    private final AtomicLong generated = new AtomicLong();
    private final int keysPerTick;

    public VisitorRegistry(@Value("${leak.keys-per-tick:0}") int keysPerTick) {
        this.keysPerTick = keysPerTick;
    }

    public int visit(String id) {
        visitors.merge(id, 1L, Long::sum);
        return visitors.size();
    }

    @Scheduled(fixedRate = 10)
    void background() {
        for (int i = 0; i < keysPerTick; i++) {
            visit("generated-" + generated.incrementAndGet());
        }
    }
}
