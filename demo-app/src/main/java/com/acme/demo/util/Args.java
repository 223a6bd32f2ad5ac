package com.acme.demo.util;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Minimal command-line parser for {@code --name value}, {@code --name=value} and bare {@code --flag}
 * options, checked against a set of known option names.
 */
public final class Args {

    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code argv}. Names in {@code flags} take no value; names in {@code options} take one.
     * Throws IllegalArgumentException on an unknown name or a missing value.
     */
    public static Args parse(String[] argv, Set<String> options, Set<String> flags) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String arg = argv[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                values.put(name, value == null ? "true" : value);
            } else if (options.contains(name)) {
                if (value == null) {
                    if (i + 1 >= argv.length) {
                        throw new IllegalArgumentException("missing value for --" + name);
                    }
                    value = argv[++i];
                }
                values.put(name, value);
            } else {
                throw new IllegalArgumentException("unknown option: --" + name);
            }
        }
        return new Args(values);
    }

    /** Returns whether the flag {@code name} was given (and not set to {@code false}). */
    public boolean flag(String name) {
        String v = values.get(name);
        return v != null && !"false".equalsIgnoreCase(v);
    }

    /** Returns the value of {@code name}, or {@code def} when absent. */
    public String string(String name, String def) {
        return values.getOrDefault(name, def);
    }

    /** Returns {@code name} parsed as an int, or {@code def} when absent. */
    public int integer(String name, int def) {
        String v = values.get(name);
        return v == null ? def : (int) number(name, v, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Returns {@code name} parsed as a long, or {@code def} when absent. */
    public long longValue(String name, long def) {
        String v = values.get(name);
        return v == null ? def : number(name, v, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Returns {@code name} parsed as a double, or {@code def} when absent. */
    public double decimal(String name, double def) {
        String v = values.get(name);
        if (v == null) {
            return def;
        }
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects a number, got '" + v + "'", e);
        }
    }

    private static long number(String name, String v, long min, long max) {
        try {
            long n = Long.parseLong(v.trim().replace("_", ""));
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects a whole number, got '" + v + "'", e);
        }
    }

    /** Returns {@code name} parsed with {@link Durations#parse(String)}, or {@code def} when absent. */
    public Duration duration(String name, Duration def) {
        String v = values.get(name);
        if (v == null) {
            return def;
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + ": " + e.getMessage(), e);
        }
    }
}
