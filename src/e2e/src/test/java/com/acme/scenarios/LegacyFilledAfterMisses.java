package com.acme.scenarios;

import com.acme.scenarios.legacy.LegacyIndex;

/** Runs {@link LegacyIndex}: a map of a Java 6 class, filled by other code after its own misses. */
public final class LegacyFilledAfterMisses {

    public static void main(String[] args) {
        LegacyIndex index = new LegacyIndex();
        long n = Pace.run(Pace.seconds(args, 30), 2000, index::handled);
        System.out.println("legacy filled after misses done adds=" + n + " size=" + index.size());
    }
}
