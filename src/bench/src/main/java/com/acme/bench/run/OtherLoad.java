package com.acme.bench.run;

import java.util.Locale;

/** The table cell showing how much CPU other processes took during a row's three runs. */
final class OtherLoad {

    private OtherLoad() {
    }

    /** {@code 0/1/12%}: the share of all CPUs others used during the none, no-match and tracking runs. */
    static String cell(Measurement none, Measurement nomatch, Measurement tracking) {
        return share(none) + "/" + share(nomatch) + "/" + share(tracking) + "%";
    }

    private static String share(Measurement m) {
        return m == null ? "–" : String.format(Locale.ROOT, "%.0f", m.otherLoad() * 100);
    }
}
