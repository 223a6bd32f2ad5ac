package com.acme.demo.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Parses a raw URL query string ({@code a=1&b=2}) into a fresh, per-request map. */
public final class QueryParams {

    private QueryParams() {
    }

    /**
     * Returns a new map of the decoded parameters in {@code rawQuery} (null means none). For a repeated
     * name the first value wins; a name without {@code =} maps to the empty string.
     */
    public static Map<String, String> parse(String rawQuery) {
        Map<String, String> params = new HashMap<String, String>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
