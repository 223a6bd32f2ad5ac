package com.acme.bench.tracked;

import java.util.HashMap;
import java.util.Map;

/**
 * Short-lived maps: one small attribute map per "request", filled with four entries, read back and
 * handed to the caller, which drops it.
 */
public final class RequestMaps {

    private static final int USERS = 1024;
    private static final String[] PATHS = {"/", "/visit", "/stats", "/login", "/cart", "/search", "/help", "/api"};
    private static final Integer[] ATTEMPTS = {0, 1, 2, 3};

    private final String[] users = new String[USERS];
    private final String[] traces = new String[USERS];

    /** Creates the request inputs (user names and trace ids) once. */
    public RequestMaps() {
        for (int i = 0; i < USERS; i++) {
            users[i] = "user-" + i;
            traces[i] = Integer.toHexString(0x5EED0000 + i * 31);
        }
    }

    /** Builds the attribute map of request {@code i}, reads two entries back and returns the map. */
    public Map<String, Object> handle(int i) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("user", users[i & (USERS - 1)]);
        attributes.put("path", PATHS[i & 7]);
        attributes.put("attempt", ATTEMPTS[i & 3]);
        attributes.put("trace", traces[(i >>> 3) & (USERS - 1)]);
        if (attributes.get("user") == null || attributes.get("path") == null) {
            throw new IllegalStateException("attribute lost");
        }
        return attributes;
    }
}
