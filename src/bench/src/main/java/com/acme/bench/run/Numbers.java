package com.acme.bench.run;

import java.util.Locale;

/** Number formats of the report. */
final class Numbers {

    private Numbers() {
    }

    /** A value with three significant digits or so: {@code 12.3}, {@code 1.23}, {@code 1234}. */
    static String value(double v) {
        double a = Math.abs(v);
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.2f", v);
    }

    /** A value with its confidence half-width: {@code 12.3 ± 0.4}. */
    static String withError(Measurement m) {
        if (m == null) {
            return "—";
        }
        return Double.isFinite(m.error()) ? value(m.median()) + " ± " + value(m.error()) : value(m.median());
    }

    /** A signed percentage: {@code +12.3%}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** A signed difference: {@code +1.23}. */
    static String signed(double v) {
        return (v >= 0 ? "+" : "") + value(v);
    }

    /** A byte count: {@code 1.23 MiB}, {@code 45.6 KiB}, {@code 789 B}; signed when negative. */
    static String bytes(double b) {
        double a = Math.abs(b);
        if (a >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f MiB", b / (1024 * 1024));
        }
        if (a >= 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", b / 1024);
        }
        return String.format(Locale.ROOT, "%.0f B", b);
    }

    /** A number without trailing zeros: {@code 2}, {@code 2.5}. */
    static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** A whole number with thousands separators. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
