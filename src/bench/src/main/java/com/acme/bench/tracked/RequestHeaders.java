package com.acme.bench.tracked;

import java.util.HashMap;
import java.util.Map;

/**
 * The request handler of the overhead issue: a {@code HashMap} per request, filled with 5 to 10
 * header-like entries, iterated once, then dropped.
 */
public final class RequestHeaders {

    private static final String[] NAMES = {"host", "user-agent", "accept", "accept-encoding", "accept-language",
        "cookie", "x-request-id", "x-forwarded-for", "content-type", "content-length"};
    private static final int VALUES = 256;

    private final String[] values = new String[VALUES];

    /** Makes the header values once. */
    public RequestHeaders() {
        for (int i = 0; i < VALUES; i++) {
            values[i] = "value-" + Integer.toHexString(0xC0FFEE + i * 977);
        }
    }

    /** Handles request {@code i}: returns the total length of its header values. */
    public int handle(int i) {
        Map<String, String> headers = new HashMap<>();
        int count = 5 + (i % 6);
        for (int h = 0; h < count; h++) {
            headers.put(NAMES[h], values[(i + h * 31) & (VALUES - 1)]);
        }
        int length = 0;
        for (Map.Entry<String, String> e : headers.entrySet()) {
            length += e.getKey().length() + e.getValue().length();
        }
        return length;
    }
}
