package com.acme.scenarios;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Few, heavy entries: a 1 MB payload every 200 ms, kept forever (a cache of responses that never
 * evicts). With {@code bounded} as the second argument only the eight newest are kept: the twin
 * that must stay quiet.
 */
public final class PayloadCache {

    /** A response kept in the cache: the payload sits a field deep. */
    static final class Response {
        final String path;
        final byte[] body;

        Response(String path, byte[] body) {
            this.path = path;
            this.body = body;
        }
    }

    private final Map<String, Response> responses = new LinkedHashMap<>();
    private final boolean bounded;

    PayloadCache(boolean bounded) {
        this.bounded = bounded;
    }

    synchronized void cache(long i) {
        String path = "/reports/" + i;
        responses.put(path, new Response(path, new byte[1 << 20]));
        if (bounded && responses.size() > 8) {
            responses.remove(responses.keySet().iterator().next());
        }
    }

    public static void main(String[] args) {
        PayloadCache cache = new PayloadCache(args.length > 1 && args[1].equals("bounded"));
        long n = Pace.run(Pace.seconds(args, 20), 5, cache::cache);
        System.out.println("payload cache done responses=" + n + " kept=" + cache.responses.size());
    }
}
