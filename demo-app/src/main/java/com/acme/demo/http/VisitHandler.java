package com.acme.demo.http;

import com.acme.demo.session.Session;
import com.acme.demo.session.Tracker;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Handles {@code GET /visit?client=KEY}: records the visit in the {@link Tracker}, looks up the
 * client's cached profile, and answers {@code ok client=KEY hits=N profile=...}; 400 without a client.
 */
final class VisitHandler implements HttpHandler {

    private static final int MAX_KEY_LENGTH = 200;

    private final Tracker tracker;
    private final ProfileService profiles;
    private final ServiceStats stats;

    /** Creates a handler recording into {@code tracker} and counting into {@code stats}. */
    VisitHandler(Tracker tracker, ProfileService profiles, ServiceStats stats) {
        this.tracker = tracker;
        this.profiles = profiles;
        this.stats = stats;
    }

    /** Serves one /visit exchange. */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                Responses.text(exchange, 405, "method not allowed\n");
                return;
            }
            stats.countRequest();
            Map<String, String> params = QueryParams.parse(exchange.getRequestURI().getRawQuery());
            String client = params.get("client");
            if (client == null || client.isBlank() || client.length() > MAX_KEY_LENGTH) {
                Responses.text(exchange, 400, "missing or invalid client parameter\n");
                return;
            }
            Session session = tracker.seen(client);
            Map<String, Object> response = new HashMap<>();
            response.put("client", client);
            response.put("hits", session.hits());
            response.put("profile", profiles.profileFor(client));
            Responses.text(exchange, 200, render(response));
        }
    }

    private static String render(Map<String, Object> response) {
        StringBuilder sb = new StringBuilder(96).append("ok");
        for (String field : new String[] {"client", "hits", "profile"}) {
            sb.append(' ').append(field).append('=').append(response.get(field));
        }
        return sb.append('\n').toString();
    }
}
