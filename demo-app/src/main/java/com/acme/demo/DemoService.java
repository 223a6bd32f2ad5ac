package com.acme.demo;

import com.acme.demo.http.DemoServer;
import com.acme.demo.http.ServiceStats;
import com.acme.demo.load.LoadConfig;
import com.acme.demo.load.LoadGenerator;
import com.acme.demo.load.LoadResult;
import com.acme.demo.session.Reaper;
import com.acme.demo.session.Tracker;
import com.acme.demo.util.Args;
import com.acme.demo.util.Durations;
import com.acme.demo.util.PeriodicTask;
import com.acme.demo.util.RateMeter;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of the demo: an HTTP service whose session tracker only ever grows (leaky mode) or is
 * reaped (fixed mode), optionally driving load at itself ({@code --load}) and exiting when done.
 */
public final class DemoService {

    private static final Logger log = LoggerFactory.getLogger(DemoService.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    private static final Set<String> OPTIONS = Set.of("port", "mode", "ttl", "reap-every");
    private static final String USAGE = "usage: java -jar growthwatch-demo.jar [--port 0] [--mode leaky|fixed]"
            + " [--ttl 3s] [--reap-every 1s] [--load [--duration 60s] [--rate 2000] [--clients 2]"
            + " [--new-key-ratio 0.9] [--max-requests 10000000] [--warmup 30s]]";

    private DemoService() {
    }

    /** Parses the command line, starts the service, and either serves until killed or runs load and exits. */
    public static void main(String[] argv) throws IOException, InterruptedException {
        DemoSettings settings;
        try {
            Set<String> options = new HashSet<>(OPTIONS);
            options.addAll(LoadConfig.OPTIONS);
            settings = DemoSettings.from(Args.parse(argv, options, Set.of("load", "help")));
            if (settings.load()) {
                // Validate the load options before binding; the real URL is only known after start.
                LoadConfig.fromArgs("http://127.0.0.1:1", settings.args());
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (settings.help()) {
            System.out.println(USAGE);
            return;
        }
        run(settings);
    }

    /**
     * The fix, started in fixed mode only. Kept out of {@link #run} so that a leaky run never loads
     * the {@link Reaper} class: growthwatch reads the code of loaded classes to tell which fields
     * anything reads, and the reaper is the code that reads a session's last sighting.
     */
    private static AutoCloseable startReaper(Tracker tracker, DemoSettings settings) {
        return Reaper.start(tracker, settings.ttl(), settings.reapEvery());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("closing {} failed", closeable, e);
        }
    }

    private static void run(DemoSettings settings) throws IOException, InterruptedException {
        Tracker tracker = new Tracker();
        if (settings.mode() == Mode.FIXED) {
            log.info("starting demo service mode=fixed ttl={} reapEvery={}",
                    Durations.format(settings.ttl()), Durations.format(settings.reapEvery()));
        } else {
            log.info("starting demo service mode=leaky (sessions are never removed)");
        }
        DemoServer server = DemoServer.start(settings.port(), tracker, settings.mode());
        AutoCloseable reaper = settings.mode() == Mode.FIXED ? startReaper(tracker, settings) : null;
        log.info("listening on {}", server.baseUrl());
        Runnable shutdown = () -> {
            if (reaper != null) {
                closeQuietly(reaper);
            }
            server.close();
        };
        if (!settings.load()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                log.info("stopping; final stats {}", server.stats().toJson());
                shutdown.run();
            }, "shutdown"));
            return;
        }
        LoadConfig config = LoadConfig.fromArgs(server.baseUrl(), settings.args());
        log.info("load starting duration={} rate={}/s clients={} newKeyRatio={} maxRequests={} warmup={}",
                Durations.format(config.duration()), Math.round(config.rate()), config.clients(),
                config.newKeyRatio(), config.maxRequests(), Durations.format(config.warmup()));
        LoadResult result;
        try (PeriodicTask progress = startProgress(server.stats())) {
            result = new LoadGenerator(config).run();
        }
        log.info("load finished {}", result.summary());
        log.info("load latency {}", result.latencySummary());
        result.steadyLatencySummary().ifPresent(steady -> log.info("load latency {}", steady));
        log.info("final stats {}", server.stats().toJson());
        shutdown.run();
        System.exit(result.ok() > 0 ? 0 : 1);
    }

    private static PeriodicTask startProgress(ServiceStats stats) {
        RateMeter meter = new RateMeter();
        return PeriodicTask.start("progress", PROGRESS_EVERY, () -> {
            long requests = stats.requests();
            log.info("requests={} sessions={} cache={} rate={}/s",
                    requests, stats.trackedSessions(), stats.cacheSize(), Math.round(meter.sample(requests)));
        });
    }
}
