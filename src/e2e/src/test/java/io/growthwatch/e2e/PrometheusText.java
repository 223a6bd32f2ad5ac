package io.growthwatch.e2e;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parser of the Prometheus text exposition format 0.0.4 (and of the OpenMetrics text that shares
 * its sample syntax), written from the format's specification: {@code # HELP} and {@code # TYPE}
 * lines, samples with optional labels (escaped {@code \\}, {@code \"}, {@code \n}), values including
 * {@code NaN} and {@code ±Inf}, optional timestamps. Throws on anything else. No Java parser of this
 * format is published on Maven Central as served here; {@code PrometheusTextTest} checks this one
 * against the Prometheus Java client's own writer.
 */
final class PrometheusText {

    /** One sample line. */
    record Sample(String name, Map<String, String> labels, double value) {
    }

    final List<Sample> samples = new ArrayList<>();
    final Map<String, String> types = new HashMap<>();
    final Map<String, String> help = new HashMap<>();

    private final String text;
    private int pos;

    private PrometheusText(String text) {
        this.text = text;
    }

    /** Parses a whole exposition. */
    static PrometheusText parse(String text) {
        PrometheusText p = new PrometheusText(text);
        p.lines();
        return p;
    }

    /** The samples named {@code name}. */
    List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    private void lines() {
        while (pos < text.length()) {
            if (peek() == '\n') {
                pos++;
            } else if (peek() == '#') {
                comment();
            } else {
                sample();
            }
        }
    }

    private void comment() {
        String line = restOfLine();
        String[] parts = line.split(" ", 4);
        if (parts.length >= 3 && parts[1].equals("TYPE")) {
            types.put(parts[2], parts.length == 4 ? parts[3] : "");
        } else if (parts.length >= 3 && parts[1].equals("HELP")) {
            help.put(parts[2], parts.length == 4 ? parts[3] : "");
        }
    }

    private void sample() {
        String name = identifier();
        Map<String, String> labels = new LinkedHashMap<>();
        if (peek() == '{') {
            pos++;
            while (peek() != '}') {
                String label = identifier();
                expect('=');
                expect('"');
                labels.put(label, quoted());
                if (peek() == ',') {
                    pos++;
                }
            }
            pos++;
        }
        expect(' ');
        String rest = restOfLine().trim();
        String value = rest.split(" ")[0];
        samples.add(new Sample(name, labels, number(value)));
    }

    private static double number(String value) {
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == ':')) {
            pos++;
        }
        if (pos == start) {
            throw new IllegalArgumentException("expected a name at offset " + pos + ": " + around());
        }
        return text.substring(start, pos);
    }

    private String quoted() {
        StringBuilder s = new StringBuilder();
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return s.toString();
            }
            if (c == '\\') {
                char e = text.charAt(pos++);
                s.append(switch (e) {
                    case 'n' -> '\n';
                    case '\\' -> '\\';
                    case '"' -> '"';
                    default -> throw new IllegalArgumentException("bad escape \\" + e + " at offset " + pos);
                });
            } else if (c == '\n') {
                throw new IllegalArgumentException("unterminated label value at offset " + pos);
            } else {
                s.append(c);
            }
        }
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at offset " + pos + ": " + around());
        }
        pos++;
    }

    private char peek() {
        return text.charAt(pos);
    }

    private String restOfLine() {
        int end = text.indexOf('\n', pos);
        String line = text.substring(pos, end < 0 ? text.length() : end);
        pos = end < 0 ? text.length() : end + 1;
        return line;
    }

    private String around() {
        return text.substring(Math.max(0, pos - 20), Math.min(text.length(), pos + 20)).replace("\n", "\\n");
    }
}
