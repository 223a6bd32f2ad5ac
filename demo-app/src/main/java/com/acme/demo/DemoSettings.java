package com.acme.demo;

import com.acme.demo.util.Args;
import java.time.Duration;

/**
 * The demo service's own settings, parsed from the command line; load options stay in {@link #args()}.
 *
 * @param port      port to bind on 127.0.0.1 (0 = ephemeral)
 * @param mode      leaky or fixed
 * @param ttl       idle time after which fixed mode forgets a session
 * @param reapEvery how often fixed mode reaps
 * @param load      whether to run the load generator against itself and exit
 * @param help      whether only usage was requested
 * @param args      the full parsed command line
 */
record DemoSettings(int port, Mode mode, Duration ttl, Duration reapEvery, boolean load, boolean help, Args args) {

    /** Default session time-to-live in fixed mode. */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(3);
    /** Default reap period in fixed mode. */
    static final Duration DEFAULT_REAP_EVERY = Duration.ofSeconds(1);

    /** Validates the settings. */
    DemoSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must be >= 0: " + ttl);
        }
        if (reapEvery.isZero() || reapEvery.isNegative()) {
            throw new IllegalArgumentException("reap-every must be > 0: " + reapEvery);
        }
    }

    /** Reads the settings from {@code args}, applying defaults. */
    static DemoSettings from(Args args) {
        return new DemoSettings(
                args.integer("port", 0),
                Mode.parse(args.string("mode", "leaky")),
                args.duration("ttl", DEFAULT_TTL),
                args.duration("reap-every", DEFAULT_REAP_EVERY),
                args.flag("load"),
                args.flag("help"),
                args);
    }
}
