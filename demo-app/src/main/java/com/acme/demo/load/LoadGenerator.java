package com.acme.demo.load;

import com.acme.demo.util.Args;
import com.acme.demo.util.Durations;
import com.acme.demo.util.NamedThreadFactory;
import com.acme.demo.util.PeriodicTask;
import com.acme.demo.util.RateMeter;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.HdrHistogram.ConcurrentHistogram;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives {@code GET /visit?client=KEY} traffic at a loopback-only demo service with
 * {@link HttpClient} (HTTP/1.1), mostly with never-seen client keys, until its duration or request
 * cap is reached. Usable in-process ({@link #run()}) or standalone ({@link #main(String[])}).
 */
public final class LoadGenerator {

    private static final Logger log = LoggerFactory.getLogger(LoadGenerator.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final long MAX_CATCH_UP_NANOS = 250_000_000L;

    private final LoadConfig config;
    private final AtomicLong claimed = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong keyCounter = new AtomicLong();
    private final LongAdder ok = new LongAdder();
    private final LongAdder transportErrors = new LongAdder();
    private final Map<Integer, LongAdder> errorsByStatus = new ConcurrentHashMap<>();
    /** Request latencies in microseconds, from 1 µs to 10 minutes, two significant digits. */
    private final ConcurrentHistogram latencies = new ConcurrentHistogram(1, 600_000_000L, 2);
    /** The same, for the requests sent after the warm-up only. */
    private final ConcurrentHistogram steadyLatencies = new ConcurrentHistogram(1, 600_000_000L, 2);

    /** Creates a generator for {@code config}; nothing is sent until {@link #run()}. */
    public LoadGenerator(LoadConfig config) {
        this.config = config;
    }

    /** Returns how many requests have been sent so far (for progress reporting). */
    public long sent() {
        return sent.get();
    }

    /**
     * Sends load from {@code clients} threads until the duration elapses or {@code maxRequests} have
     * been sent, then returns the tally. Call once.
     */
    public LoadResult run() throws InterruptedException {
        ExecutorService httpExecutor = Executors.newCachedThreadPool(new NamedThreadFactory("load-http", true));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofSeconds(2))
                .executor(httpExecutor)
                .build();
        long start = System.nanoTime();
        long deadline = start + config.duration().toNanos();
        long steadyFrom = start + config.warmup().toNanos();
        List<Thread> threads = new ArrayList<>();
        NamedThreadFactory factory = new NamedThreadFactory("load-client", true);
        try {
            for (int i = 0; i < config.clients(); i++) {
                Thread t = factory.newThread(() -> clientLoop(client, start, deadline, steadyFrom));
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            threads.forEach(Thread::interrupt);
            httpExecutor.shutdownNow();
        }
        return result(Duration.ofNanos(System.nanoTime() - start));
    }

    private void clientLoop(HttpClient client, long start, long deadline, long steadyFrom) {
        KeyPicker keys = new KeyPicker(keyCounter, config.newKeyRatio());
        long interval = config.rate() > 0 ? (long) (1e9 * config.clients() / config.rate()) : 0;
        long nextAt = start;
        while (!Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            if (interval > 0 && nextAt > now) {
                LockSupport.parkNanos(Math.min(nextAt - now, deadline - now));
                now = System.nanoTime();
            }
            if (now >= deadline || claimed.incrementAndGet() > config.maxRequests()) {
                return;
            }
            nextAt = Math.max(nextAt + interval, now - MAX_CATCH_UP_NANOS);
            if (!sendOne(client, keys.nextKey(), steadyFrom)) {
                return;
            }
        }
    }

    /**
     * Sends one visit, its latency counted as steady when sent at or after {@code steadyFrom}
     * ({@link System#nanoTime()}); returns false if the thread was interrupted and should stop.
     */
    private boolean sendOne(HttpClient client, String key, long steadyFrom) {
        URI uri = config.baseUrl().resolve("/visit?client=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        sent.incrementAndGet();
        try {
            long started = System.nanoTime();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            long micros = Math.max(1, (System.nanoTime() - started) / 1000);
            latencies.recordValue(micros);
            if (started - steadyFrom >= 0) {
                steadyLatencies.recordValue(micros);
            }
            if (status == 200) {
                ok.increment();
            } else {
                errorsByStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
            }
            return true;
        } catch (IOException e) {
            transportErrors.increment();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private LoadResult result(Duration elapsed) {
        Map<Integer, Long> errors = new TreeMap<>();
        errorsByStatus.forEach((status, count) -> errors.put(status, count.sum()));
        return new LoadResult(sent.get(), ok.sum(), errors, transportErrors.sum(), elapsed, latencies.copy(),
                config.warmup(), steadyLatencies.copy());
    }

    /**
     * Standalone entry point: {@code --url http://127.0.0.1:PORT [--duration 30s] [--rate 2000]
     * [--clients 2] [--new-key-ratio 0.9] [--max-requests N] [--warmup 30s]}. Exits 0 when at least one request
     * succeeded, 1 when none did, 2 on bad arguments.
     */
    public static void main(String[] argv) throws InterruptedException {
        LoadGenerator generator;
        try {
            Set<String> options = new HashSet<>(LoadConfig.OPTIONS);
            options.add("url");
            Args args = Args.parse(argv, options, Set.of());
            String url = args.string("url", null);
            if (url == null) {
                throw new IllegalArgumentException("--url http://127.0.0.1:PORT is required");
            }
            generator = new LoadGenerator(LoadConfig.fromArgs(url, args));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println("usage: LoadGenerator --url http://127.0.0.1:PORT [--duration 30s] [--rate 2000]"
                    + " [--clients 2] [--new-key-ratio 0.9] [--max-requests 10000000] [--warmup 30s]");
            System.exit(2);
            return;
        }
        LoadConfig c = generator.config;
        log.info("load against {} duration={} rate={}/s clients={} newKeyRatio={} maxRequests={} warmup={}",
                c.baseUrl(), Durations.format(c.duration()), Math.round(c.rate()), c.clients(),
                c.newKeyRatio(), c.maxRequests(), Durations.format(c.warmup()));
        RateMeter meter = new RateMeter();
        LoadResult result;
        try (PeriodicTask progress = PeriodicTask.start("progress", Duration.ofSeconds(5), () -> {
            long n = generator.sent();
            log.info("sent={} rate={}/s", n, Math.round(meter.sample(n)));
        })) {
            result = generator.run();
        }
        log.info("load finished {}", result.summary());
        log.info("load latency {}", result.latencySummary());
        result.steadyLatencySummary().ifPresent(steady -> log.info("load latency {}", steady));
        System.exit(result.ok() > 0 ? 0 : 1);
    }
}
