package io.growthwatch.core.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.growthwatch.core.config.AgentOptions;
import io.growthwatch.core.page.HtmlReport;
import io.growthwatch.core.page.ReportData;
import io.growthwatch.core.report.RecentEvents;
import io.prometheus.metrics.config.ExporterHttpServerProperties;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves {@code /metrics} (Prometheus text, or OpenMetrics when the scraper asks for it) and, on
 * {@code /}, the live HTML report of the recent events, from one daemon thread. The agent's own
 * registry only: the application's Prometheus metrics, if any, are untouched and unaffected.
 */
public final class MetricsEndpoint implements Closeable {

    private final HTTPServer server;
    private final ExecutorService executor;

    private MetricsEndpoint(HTTPServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Starts serving {@code metrics} and the page of {@code events} at {@code address}; throws an
     * {@link IOException} with a one-line message when the address cannot be bound.
     */
    public static MetricsEndpoint start(AgentOptions.MetricsAddress address, SiteMetrics metrics, RecentEvents events)
            throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(metrics);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "growthwatch-metrics");
            t.setDaemon(true);
            return t;
        });
        // explicit properties: neither a prometheus.properties of the application nor its
        // io.prometheus.* system properties configure the agent's endpoint
        PrometheusProperties properties = PrometheusProperties.builder()
                .exporterHttpServerProperties(ExporterHttpServerProperties.builder().port(address.port()).build())
                .build();
        try {
            HTTPServer server = HTTPServer.builder(properties)
                    .inetAddress(InetAddress.getByName(address.host()))
                    .port(address.port())
                    .registry(registry)
                    .executorService(executor)
                    .defaultHandler(new LivePage(events))
                    .buildAndStart();
            return new MetricsEndpoint(server, executor);
        } catch (BindException e) {
            executor.shutdownNow();
            throw new IOException(address + " cannot be bound (" + e.getMessage() + "); expected a free port, e.g. metrics=9464");
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw new IOException(address + " cannot be served: " + e.getMessage());
        }
    }

    /** The port it listens on (the one chosen when the option asked for port 0). */
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
    }

    /** {@code /}: the HTML report of the recent events, rendered on each request. */
    private static final class LivePage implements HttpHandler {
        private final RecentEvents events;

        LivePage(RecentEvents events) {
            this.events = events;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals("/")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] page = HtmlReport.render(ReportData.read(events.lines(), "this JVM's recent events"),
                        "live, this JVM's recent events (reload for newer)").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(page);
                }
            }
        }
    }
}
