package com.acme.scenarios;

import org.outside.Filler;

import java.util.HashMap;
import java.util.Map;

/**
 * A map allocated in a chosen package and filled only by code outside the chosen packages, while the
 * chosen package removes keys that are never there (a logout of a session that never logged in):
 * every insert still comes from other code.
 */
public final class ForeignFilledAfterMisses {

    private final Map<String, Object> index = new HashMap<>();

    void handled(long i) {
        index.remove("gone-" + i);
        Filler.add(index, "doc-" + i);
    }

    public static void main(String[] args) {
        ForeignFilledAfterMisses owner = new ForeignFilledAfterMisses();
        long n = Pace.run(Pace.seconds(args, 30), 2000, owner::handled);
        System.out.println("foreign filled after misses done adds=" + n + " size=" + owner.index.size());
    }
}
