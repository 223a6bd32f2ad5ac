package io.growthwatch.core.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses agent options in JaCoCo's syntax: {@code key=value} pairs separated by {@code ,}, list
 * values separated by {@code :}, e.g. {@code packages=com.acme:org.shop,interval=10s}.
 */
public final class OptionsParser {

    /** Splits on commas that start a new {@code key=}, so that values may contain commas. */
    private static final Pattern PAIRS = Pattern.compile(",(?=[a-zA-Z0-9_\\-]+=)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)(b|kb|mb|gb)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    /** Every option, its default and what it means: the parser's keys and the command line's help. */
    public static final List<OptionSpec> OPTIONS = List.of(
            new OptionSpec("packages", "(required)", "package prefixes to instrument, ':'-separated, e.g. com.acme:org.shop"),
            new OptionSpec("exclude", "none", "package prefixes left alone inside packages"),
            new OptionSpec("interval", AgentOptions.format(AgentOptions.DEFAULT_INTERVAL), "sampling period: 500ms, 10s, 1m (at least 100ms)"),
            new OptionSpec("window", String.valueOf(AgentOptions.DEFAULT_WINDOW), "samples a site must grow over to be a suspect (4 to 10000)"),
            new OptionSpec("minGrowth", String.valueOf(AgentOptions.DEFAULT_MIN_GROWTH), "entries a site must gain over the window"),
            new OptionSpec("report", "none", "JSON-lines file events are appended to; its directory must exist"),
            new OptionSpec("summary", AgentOptions.format(AgentOptions.DEFAULT_SUMMARY), "period of the summary table, or off (it is printed at exit too)"),
            new OptionSpec("oversizedMin", AgentOptions.formatSize(AgentOptions.DEFAULT_OVERSIZED_MIN), "wasted table bytes from which a map is reported oversized"),
            new OptionSpec("minGrowthBytes", AgentOptions.formatSize(AgentOptions.DEFAULT_MIN_GROWTH_BYTES), "estimated bytes a site must gain over the window, whatever its entries (0 for off)"),
            new OptionSpec("metrics", "off", "serve Prometheus metrics and a live page: PORT (loopback only) or HOST:PORT (0.0.0.0:PORT for every interface)"),
            new OptionSpec("metricsTopSites", String.valueOf(AgentOptions.DEFAULT_METRICS_TOP_SITES), "sites exported as metrics besides the suspects, the largest first (1 to 1000)"),
            new OptionSpec("config", "none", "a .properties file with the same keys; options override it, -Dgrowthwatch.KEY overrides both"));

    /**
     * One option of the agent.
     *
     * @param key          its name
     * @param defaultValue its default, as written in options
     * @param meaning      what it does, in a few words
     */
    public record OptionSpec(String key, String defaultValue, String meaning) {
    }

    private static final List<String> KEYS = keys();

    /** The option keys in table order (a loop, not a stream: this runs in the application's start-up). */
    private static List<String> keys() {
        List<String> keys = new java.util.ArrayList<>();
        for (OptionSpec option : OPTIONS) {
            keys.add(option.key());
        }
        return List.copyOf(keys);
    }

    /** Prefix of system properties that override options: {@code -Dgrowthwatch.interval=1s}. */
    public static final String PROPERTY_PREFIX = "growthwatch.";

    private OptionsParser() {
    }

    /**
     * Parses {@code text} (may be null or empty), failing on the first bad option. Settings come from
     * the file named by {@code config=}, overridden by the options, overridden by system properties
     * {@code growthwatch.KEY}.
     */
    public static AgentOptions parse(String text) throws OptionException {
        return parse(text, System.getProperties());
    }

    /** As {@link #parse(String)}, with {@code system} in place of the system properties. */
    public static AgentOptions parse(String text, Properties system) throws OptionException {
        Map<String, String> given = split(text == null ? "" : text.trim());
        Map<String, String> overrides = fromSystem(system);
        String config = overrides.getOrDefault("config", given.get("config"));
        Map<String, String> pairs = config == null ? new LinkedHashMap<>() : fromFile(config);
        Map<String, String> sources = new LinkedHashMap<>();
        for (String key : pairs.keySet()) {
            sources.put(key, "in config file " + config);
        }
        pairs.putAll(given);
        sources.keySet().removeAll(given.keySet());
        pairs.putAll(overrides);
        for (String key : overrides.keySet()) {
            sources.put(key, "from system property " + PROPERTY_PREFIX + key);
        }
        try {
            return build(pairs, config == null ? null : Path.of(config));
        } catch (OptionException e) {
            String source = sources.get(e.option());
            throw source == null ? e : e.from(source);
        }
    }

    /** Whether {@code name} is a dotted sequence of Java identifiers (checked by hand: no regular expression in start-up). */
    static boolean isPackageName(String name) {
        boolean atStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (atStart) {
                if (!Character.isJavaIdentifierStart(c)) {
                    return false;
                }
                atStart = false;
            } else if (c == '.') {
                atStart = true;
            } else if (!Character.isJavaIdentifierPart(c)) {
                return false;
            }
        }
        return !atStart;
    }

    /**
     * {@code text} with relative {@code report=} and {@code config=} paths made absolute against
     * {@code base}: what {@code attach} sends, so that files land where its caller means them, not in
     * the target JVM's working directory. Other options are left as they are.
     */
    public static String withAbsolutePaths(String text, Path base) {
        if (text == null || text.isBlank()) {
            return text;
        }
        List<String> pairs = new java.util.ArrayList<>();
        for (String pair : PAIRS.split(text.trim())) {
            int eq = pair.indexOf('=');
            String key = eq > 0 ? pair.substring(0, eq).trim() : "";
            if (key.equals("report") || key.equals("config")) {
                try {
                    Path path = Path.of(pair.substring(eq + 1).trim());
                    if (!path.isAbsolute()) {
                        pair = key + "=" + base.resolve(path).normalize();
                    }
                } catch (InvalidPathException e) {
                    // left as it is: the parser names it
                }
            }
            pairs.add(pair);
        }
        return String.join(",", pairs);
    }

    private static Map<String, String> fromSystem(Properties system) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith(PROPERTY_PREFIX)) {
                String key = name.substring(PROPERTY_PREFIX.length());
                if (KEYS.contains(key)) {
                    pairs.put(key, system.getProperty(name).trim());
                }
                // other growthwatch.* properties belong to someone else (a build, a test harness):
                // refusing them would switch the agent off for a name it does not own
            }
        }
        return pairs;
    }

    private static Map<String, String> fromFile(String config) throws OptionException {
        Path path;
        try {
            path = Path.of(config);
        } catch (InvalidPathException e) {
            throw new OptionException("config", config, "is not a valid path; expected a .properties file");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new OptionException("config", config, "is not a readable file; expected a .properties file with the same keys as the options");
        }
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            file.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new OptionException("config", config, "cannot be read (" + e.getMessage() + "); expected a .properties file");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String key : file.stringPropertyNames()) {
            if (!KEYS.contains(key) || key.equals("config")) {
                throw new OptionException(key, null, "in config file '" + config + "' is unknown; expected one of "
                        + String.join(", ", KEYS.subList(0, KEYS.size() - 1)));
            }
            pairs.put(key, file.getProperty(key).trim());
        }
        return pairs;
    }

    private static AgentOptions build(Map<String, String> pairs, Path config) throws OptionException {
        List<String> packages = packages("packages", pairs.get("packages"));
        if (packages.isEmpty()) {
            throw new OptionException("packages", pairs.get("packages"),
                    "is required; expected package prefixes separated by ':', e.g. packages=com.acme:org.shop");
        }
        List<String> excludes = packages("exclude", pairs.get("exclude"));
        Duration interval = duration("interval", pairs.get("interval"), AgentOptions.DEFAULT_INTERVAL);
        if (interval.toMillis() < 100) {
            throw new OptionException("interval", pairs.get("interval"), "is too short; expected at least 100ms");
        }
        int window = (int) number("window", pairs.get("window"), AgentOptions.DEFAULT_WINDOW, 4, 10_000);
        long minGrowth = number("minGrowth", pairs.get("minGrowth"), AgentOptions.DEFAULT_MIN_GROWTH, 1, Long.MAX_VALUE);
        Path report = report(pairs.get("report"));
        Duration summary;
        try {
            summary = pairs.containsKey("summary") && pairs.get("summary").equals("off")
                    ? Duration.ZERO
                    : duration("summary", pairs.get("summary"), AgentOptions.DEFAULT_SUMMARY);
        } catch (OptionException e) {
            throw new OptionException("summary", pairs.get("summary"),
                    "is not a duration; expected a whole number with a unit ms, s, m or h, e.g. 10m, or off");
        }
        long oversizedMin = size("oversizedMin", pairs.get("oversizedMin"), AgentOptions.DEFAULT_OVERSIZED_MIN);
        long minGrowthBytes = size("minGrowthBytes", pairs.get("minGrowthBytes"), AgentOptions.DEFAULT_MIN_GROWTH_BYTES);
        AgentOptions.MetricsAddress metrics = metrics(pairs.get("metrics"));
        int topSites = (int) number("metricsTopSites", pairs.get("metricsTopSites"), AgentOptions.DEFAULT_METRICS_TOP_SITES, 1, 1000);
        return new AgentOptions(packages, excludes, interval, window, minGrowth, report, summary, oversizedMin,
                minGrowthBytes, metrics, topSites, config);
    }

    private static Map<String, String> split(String text) throws OptionException {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return pairs;
        }
        for (String pair : PAIRS.split(text)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new OptionException(pair, null, "is not of the form key=value; expected e.g. packages=com.acme,interval=10s");
            }
            String key = pair.substring(0, eq).trim();
            if (!KEYS.contains(key)) {
                throw new OptionException(key, null, "is unknown; expected one of " + String.join(", ", KEYS));
            }
            if (pairs.put(key, pair.substring(eq + 1).trim()) != null) {
                throw new OptionException(key, null, "is given twice; expected it once");
            }
        }
        return pairs;
    }

    private static List<String> packages(String key, String value) throws OptionException {
        List<String> result = new ArrayList<>();
        if (value == null || value.isEmpty()) {
            return result;
        }
        for (String name : value.split(":")) {
            String trimmed = name.trim();
            if (trimmed.endsWith(".*")) {
                trimmed = trimmed.substring(0, trimmed.length() - 2); // tolerate JaCoCo's wildcard form
            }
            if (!isPackageName(trimmed)) {
                throw new OptionException(key, value, "has '" + name + "', which is not a package name; expected e.g. com.acme");
            }
            result.add(trimmed);
        }
        return result;
    }

    /** Parses {@code 500ms}, {@code 10s}, {@code 1m} or {@code 2h}. */
    static Duration duration(String key, String value, Duration fallback) throws OptionException {
        if (value == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new OptionException(key, value, "is not a duration; expected a whole number with a unit ms, s, m or h, e.g. 10s");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** Parses {@code 8MB}, {@code 512kb}, {@code 1gb} or a plain number of bytes. */
    static long size(String key, String value, long fallback) throws OptionException {
        if (value == null) {
            return fallback;
        }
        Matcher m = SIZE.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new OptionException(key, value, "is not a size; expected a whole number of bytes with an optional unit kb, mb or gb, e.g. 8mb");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "kb" -> amount << 10;
            case "mb" -> amount << 20;
            case "gb" -> amount << 30;
            default -> amount;
        };
    }

    private static long number(String key, String value, long fallback, long min, long max) throws OptionException {
        if (value == null) {
            return fallback;
        }
        String expected = "expected a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max);
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new OptionException(key, value, "is not a number; " + expected);
        }
        if (n < min || n > max) {
            throw new OptionException(key, value, "is out of range; " + expected);
        }
        return n;
    }

    /** Parses {@code off}, {@code PORT} (loopback) or {@code HOST:PORT} ({@code [v6]:PORT} for IPv6). */
    static AgentOptions.MetricsAddress metrics(String value) throws OptionException {
        if (value == null || value.equals("off")) {
            return null;
        }
        String expected = "; expected off, a port (loopback only, e.g. 9464) or host:port (e.g. 0.0.0.0:9464 for every interface)";
        int colon = value.lastIndexOf(':');
        String host = colon < 0 ? "127.0.0.1" : value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            throw new OptionException("metrics", value, "has no host before ':'" + expected);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new OptionException("metrics", value, "has no port number" + expected);
        }
        if (port < 0 || port > 65_535) {
            throw new OptionException("metrics", value, "has a port out of range" + expected.replace("; expected", "; expected 0 to 65535:"));
        }
        return new AgentOptions.MetricsAddress(host, port);
    }

    private static Path report(String value) throws OptionException {
        if (value == null) {
            return null;
        }
        try {
            Path path = Path.of(value).toAbsolutePath();
            Path dir = path.getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new OptionException("report", value, "is in a directory that does not exist; expected a file in an existing, writable directory");
            }
            if (Files.isDirectory(path)) {
                throw new OptionException("report", value, "is a directory; expected a file name");
            }
            if (!Files.isWritable(dir) || (Files.exists(path) && !Files.isWritable(path))) {
                throw new OptionException("report", value, "is not writable; expected a file in a writable directory");
            }
            return path;
        } catch (InvalidPathException e) {
            throw new OptionException("report", value, "is not a valid path; expected a file path");
        }
    }
}
