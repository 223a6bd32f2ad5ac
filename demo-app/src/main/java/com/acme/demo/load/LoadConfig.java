package com.acme.demo.load;

import com.acme.demo.util.Args;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Settings for one load run: target base URL (loopback only), how long, how fast, how many client
 * threads, what fraction of requests use a never-seen key, and a hard cap on requests.
 *
 * @param baseUrl      the service's base URL, e.g. {@code http://127.0.0.1:8080}
 * @param duration     stop after this long
 * @param rate         target requests per second across all clients; 0 or less means unpaced
 * @param clients      number of concurrent client threads
 * @param newKeyRatio  fraction (0..1) of requests sent with a brand-new client key
 * @param maxRequests  stop after this many requests even if time remains
 * @param warmup       the first part of the run, whose requests {@link LoadResult#steadyLatencies()} leaves out
 */
public record LoadConfig(URI baseUrl, Duration duration, double rate, int clients, double newKeyRatio,
                         long maxRequests, Duration warmup) {

    /** Default run length. */
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(60);
    /** Default target rate, requests per second. */
    public static final double DEFAULT_RATE = 2_000;
    /** Default number of client threads. */
    public static final int DEFAULT_CLIENTS = 2;
    /** Default fraction of requests with a never-seen key. */
    public static final double DEFAULT_NEW_KEY_RATIO = 0.9;
    /** Default hard cap on the number of requests. */
    public static final long DEFAULT_MAX_REQUESTS = 10_000_000L;
    /** Default warm-up: long enough for the JIT to have compiled the service's hot code. */
    public static final Duration DEFAULT_WARMUP = Duration.ofSeconds(30);

    /** Option names (without {@code --}) that {@link #fromArgs} understands, besides {@code url}. */
    public static final Set<String> OPTIONS = Set.of("duration", "rate", "clients", "new-key-ratio", "max-requests", "warmup");

    /** Validates the settings; the URL must be loopback. */
    public LoadConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = LoopbackUrls.require(baseUrl.toString());
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be > 0: " + duration);
        }
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be >= 1: " + clients);
        }
        if (!(newKeyRatio >= 0 && newKeyRatio <= 1)) {
            throw new IllegalArgumentException("new-key-ratio must be within 0..1: " + newKeyRatio);
        }
        if (maxRequests < 1) {
            throw new IllegalArgumentException("max-requests must be >= 1: " + maxRequests);
        }
        Objects.requireNonNull(warmup, "warmup");
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must be >= 0: " + warmup);
        }
    }

    /** A config without warm-up: every request counts in the steady latencies too. */
    public LoadConfig(URI baseUrl, Duration duration, double rate, int clients, double newKeyRatio, long maxRequests) {
        this(baseUrl, duration, rate, clients, newKeyRatio, maxRequests, Duration.ZERO);
    }

    /** Builds a config for {@code baseUrl} from the load options in {@code args}, defaulting the rest. */
    public static LoadConfig fromArgs(String baseUrl, Args args) {
        return new LoadConfig(
                LoopbackUrls.require(baseUrl),
                args.duration("duration", DEFAULT_DURATION),
                args.decimal("rate", DEFAULT_RATE),
                args.integer("clients", DEFAULT_CLIENTS),
                args.decimal("new-key-ratio", DEFAULT_NEW_KEY_RATIO),
                args.longValue("max-requests", DEFAULT_MAX_REQUESTS),
                args.duration("warmup", DEFAULT_WARMUP));
    }
}
