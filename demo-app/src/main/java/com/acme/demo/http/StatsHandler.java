package com.acme.demo.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/** Handles {@code GET /stats}: answers the one-line JSON rendered by {@link ServiceStats}. */
final class StatsHandler implements HttpHandler {

    private final ServiceStats stats;

    /** Creates a handler reporting {@code stats}. */
    StatsHandler(ServiceStats stats) {
        this.stats = stats;
    }

    /** Serves one /stats exchange. */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                Responses.text(exchange, 405, "method not allowed\n");
                return;
            }
            Responses.send(exchange, 200, "application/json", stats.toJson() + "\n");
        }
    }
}
