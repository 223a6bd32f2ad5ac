package com.acme.scenarios;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A map made by a factory given as a constructor reference, filled and never emptied. */
public final class SuppliedMaps {

    private final Map<String, Long> seen;

    SuppliedMaps(Supplier<Map<String, Long>> factory) {
        this.seen = factory.get();
    }

    synchronized void saw(long i) {
        seen.put("visitor-" + i, i);
    }

    public static void main(String[] args) {
        Supplier<Map<String, Long>> factory = HashMap::new;
        SuppliedMaps maps = new SuppliedMaps(factory);
        long n = Pace.run(Pace.seconds(args, 12), 2000, maps::saw);
        System.out.println("supplied maps done visits=" + n + " seen=" + maps.seen.size());
    }
}
