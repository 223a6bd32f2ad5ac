package com.acme.scenarios;

import java.util.HashMap;
import java.util.Map;

/** Millions of short-lived maps, one per "request", each with a few entries. */
public final class PerRequestMaps {

    static int handle(long request) {
        Map<String, String> params = new HashMap<>();
        params.put("id", Long.toString(request));
        params.put("user", "u" + (request % 97));
        params.put("path", "/items/" + (request % 13));
        return params.get("user").length() + params.size();
    }

    /** Runs for the given seconds and at least {@code MIN_REQUESTS} requests, in bursts. */
    public static void main(String[] args) throws InterruptedException {
        long end = System.nanoTime() + (long) (Pace.seconds(args, 15) * 1e9);
        long count = 0;
        long checksum = 0;
        while (count < MIN_REQUESTS || System.nanoTime() < end) {
            for (int i = 0; i < 20_000; i++) {
                checksum += handle(count++);
            }
            if (count >= MIN_REQUESTS) {
                Thread.sleep(10);
            }
        }
        System.out.println("per-request maps done count=" + count + " checksum=" + checksum);
    }

    static final long MIN_REQUESTS = 2_000_000L;
}
