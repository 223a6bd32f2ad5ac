package com.acme.scenarios;

import org.outside.Filler;

import java.util.HashMap;
import java.util.Map;

/** A map allocated in a chosen package but filled only by code outside the chosen packages. */
public final class ForeignFilled {

    private final Map<String, Object> index = new HashMap<>();

    public static void main(String[] args) {
        ForeignFilled owner = new ForeignFilled();
        long n = Pace.run(Pace.seconds(args, 30), 2000, i -> Filler.add(owner.index, "doc-" + i));
        System.out.println("foreign filled done adds=" + n + " size=" + owner.index.size());
    }
}
