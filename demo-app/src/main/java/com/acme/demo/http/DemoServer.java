package com.acme.demo.http;

import com.acme.demo.Mode;
import com.acme.demo.cache.LruCache;
import com.acme.demo.session.Tracker;
import com.acme.demo.util.NamedThreadFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The demo HTTP service on the JDK's built-in {@link HttpServer}, bound to 127.0.0.1, serving
 * {@code /visit} and {@code /stats}.
 */
public final class DemoServer implements AutoCloseable {

    /** Capacity of the per-bucket profile cache. */
    public static final int PROFILE_CACHE_CAPACITY = 1_000;

    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService workers;
    private final ServiceStats stats;
    private boolean stopped;

    private DemoServer(HttpServer server, ExecutorService workers, ServiceStats stats) {
        this.server = server;
        this.workers = workers;
        this.stats = stats;
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 picks an ephemeral port), wires the handlers around
     * {@code tracker}, and starts serving.
     */
    public static DemoServer start(int port, Tracker tracker, Mode mode) throws IOException {
        // Without TCP_NODELAY the JDK server's separate header/body writes meet delayed ACKs and every
        // keep-alive request costs ~40 ms. Read once, when the JDK server's config class first loads.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        ProfileService profiles = new ProfileService(new LruCache<>(PROFILE_CACHE_CAPACITY));
        ServiceStats stats = new ServiceStats(tracker, profiles, mode);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port);
        HttpServer server = HttpServer.create(address, 256);
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        ExecutorService workers = Executors.newFixedThreadPool(threads, new NamedThreadFactory("http", true));
        server.setExecutor(workers);
        server.createContext("/visit", new VisitHandler(new Visits(tracker, profiles, stats)));
        server.createContext("/stats", new StatsHandler(stats));
        server.start();
        return new DemoServer(server, workers, stats);
    }

    /** Returns the port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Returns the base URL, {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Returns the live service statistics. */
    public ServiceStats stats() {
        return stats;
    }

    /** Stops accepting requests and shuts the worker pool down; safe to call more than once. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
