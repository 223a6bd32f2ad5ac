package io.growthwatch.core.instrument;

import java.util.List;
import java.util.function.Predicate;

/** Decides from a class's internal name whether it belongs to the chosen packages. */
public final class PackageFilter implements Predicate<String> {

    private static final List<String> AGENT_PACKAGES = List.of("io/growthwatch/agent/", "io/growthwatch/bootstrap/",
            "io/growthwatch/core/", "io/growthwatch/shaded/");

    private final String[] includes;
    private final String[] excludes;

    /** Creates a filter from package prefixes in Java form ({@code com.acme}). */
    public PackageFilter(List<String> packages, List<String> excludes) {
        this.includes = toInternalPrefixes(packages);
        this.excludes = toInternalPrefixes(excludes);
    }

    /** Whether the class named {@code internalName} ({@code com/acme/Foo}) is instrumented. */
    public boolean matches(String internalName) {
        if (internalName == null || !startsWithAny(internalName, includes) || startsWithAny(internalName, excludes)) {
            return false;
        }
        for (String own : AGENT_PACKAGES) {
            if (internalName.startsWith(own)) {
                return false;
            }
        }
        return true;
    }

    /** As {@link #matches(String)}. */
    @Override
    public boolean test(String internalName) {
        return matches(internalName);
    }

    private static boolean startsWithAny(String name, String[] prefixes) {
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code com.acme} becomes {@code com/acme/}: whole segments only, so it never matches com.acmex. */
    private static String[] toInternalPrefixes(List<String> packages) {
        String[] prefixes = new String[packages.size()];
        for (int i = 0; i < prefixes.length; i++) {
            prefixes[i] = packages.get(i).replace('.', '/') + "/";
        }
        return prefixes;
    }
}
