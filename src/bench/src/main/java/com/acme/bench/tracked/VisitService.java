package com.acme.bench.tracked;

import java.util.HashMap;
import java.util.Map;

/**
 * The demo service's {@code /visit} handling, in-process and without HTTP: parses the query into a
 * per-request map, counts the request, records the client in the tracker, looks up its profile in the
 * LRU cache, and renders a per-request response map. Thread-safe.
 */
public final class VisitService {

    private static final int MAX_KEY_LENGTH = 200;
    private static final String[] FIELDS = {"client", "hits", "profile", "lang"};

    private final SessionTracker tracker = new SessionTracker();
    private final ProfileService profiles = new ProfileService();
    private final RequestCounters counters = new RequestCounters();

    /** Answers one request with query {@code rawQuery}: {@code ok client=... hits=N ...} or a 400 line. */
    public String handle(String rawQuery) {
        Map<String, String> params = QueryParams.parse(rawQuery);
        String client = params.get("client");
        if (client == null || client.isBlank() || client.length() > MAX_KEY_LENGTH) {
            counters.count("bad-request");
            return "400 missing or invalid client parameter\n";
        }
        counters.count("ok");
        Session session = tracker.seen(client, System.currentTimeMillis());
        Map<String, Object> response = new HashMap<>();
        response.put("client", client);
        response.put("hits", session.hits());
        response.put("profile", profiles.profileFor(client));
        response.put("lang", params.getOrDefault("lang", "en"));
        return render(response);
    }

    /** Clients tracked so far. */
    public int clients() {
        return tracker.size();
    }

    private static String render(Map<String, Object> response) {
        StringBuilder sb = new StringBuilder(96).append("ok");
        for (String field : FIELDS) {
            sb.append(' ').append(field).append('=').append(response.get(field));
        }
        return sb.append('\n').toString();
    }
}
