package com.acme.scenarios;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * The one set of its program, filled three elements per {@code addAll} and half emptied three per
 * {@code removeAll}: no set of another kind is tracked beside it.
 */
public final class BulkSetLeak {

    private final LinkedHashSet<Long> order = new LinkedHashSet<>();

    synchronized void tick(long i) {
        order.addAll(List.of(3 * i, 3 * i + 1, 3 * i + 2));
        if (i % 2 == 1) { // the three of the tick before: half of all
            long p = 3 * (i - 1);
            order.removeAll(List.of(p, p + 1, p + 2));
        }
    }

    public static void main(String[] args) {
        BulkSetLeak leak = new BulkSetLeak();
        long n = Pace.run(Pace.seconds(args, 12), 2000, leak::tick);
        System.out.println("bulk set leak done ticks=" + n + " order=" + leak.order.size());
    }
}
