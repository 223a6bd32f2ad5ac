package com.acme.demo.http;

import com.acme.demo.session.Session;
import com.acme.demo.session.Tracker;

import java.util.HashMap;
import java.util.Map;

/**
 * The /visit logic without HTTP: counts the request, parses the query, records the visit in the
 * {@link Tracker}, looks up the client's cached profile and renders the answer. Thread-safe.
 */
public final class Visits {

    private static final int MAX_KEY_LENGTH = 200;
    private static final String[] FIELDS = {"client", "hits", "profile"};

    private final Tracker tracker;
    private final ProfileService profiles;
    private final ServiceStats stats;

    /** The status and body of an answer. */
    public record Reply(int status, String body) {
    }

    /** Creates the logic recording into {@code tracker} and counting into {@code stats}. */
    public Visits(Tracker tracker, ProfileService profiles, ServiceStats stats) {
        this.tracker = tracker;
        this.profiles = profiles;
        this.stats = stats;
    }

    /** Answers one visit with raw query {@code rawQuery}: 200 {@code ok client=... hits=N profile=...}, or 400. */
    public Reply visit(String rawQuery) {
        stats.countRequest();
        Map<String, String> params = QueryParams.parse(rawQuery);
        String client = params.get("client");
        if (client == null || client.isBlank() || client.length() > MAX_KEY_LENGTH) {
            return new Reply(400, "missing or invalid client parameter\n");
        }
        Session session = tracker.seen(client);
        Map<String, Object> response = new HashMap<>();
        response.put("client", client);
        response.put("hits", session.hits());
        response.put("profile", profiles.profileFor(client));
        return new Reply(200, render(response));
    }

    private static String render(Map<String, Object> response) {
        StringBuilder sb = new StringBuilder(96).append("ok");
        for (String field : FIELDS) {
            sb.append(' ').append(field).append('=').append(response.get(field));
        }
        return sb.append('\n').toString();
    }
}
