package com.acme.demo.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * Handles {@code GET /visit?client=KEY} over HTTP: the answer comes from {@link Visits}; other
 * methods get 405.
 */
final class VisitHandler implements HttpHandler {

    private final Visits visits;

    /** Creates a handler answering with {@code visits}. */
    VisitHandler(Visits visits) {
        this.visits = visits;
    }

    /** Serves one /visit exchange. */
    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                Responses.text(exchange, 405, "method not allowed\n");
                return;
            }
            Visits.Reply reply = visits.visit(exchange.getRequestURI().getRawQuery());
            Responses.text(exchange, reply.status(), reply.body());
        }
    }
}
