package com.acme.bench.run;

/**
 * The demo's request handling twice in one JVM, for {@link SideBySide}: its own {@code Visits} (tracked
 * with {@code packages=com.acme.demo}) and the copy compiled outside the chosen packages, each built
 * as the demo's server builds it in leaky mode and sent every client once before measuring, as in
 * {@code ServiceBench}.
 */
final class ServiceSides {

    private static final int CLIENTS = 20_000;

    private final String[] queries = new String[CLIENTS];
    private final com.acme.demo.http.Visits tracked;
    private final com.acme.bench.outside.demo.http.Visits outside;

    ServiceSides() {
        String[] langs = {"en", "de", "fr"};
        for (int i = 0; i < CLIENTS; i++) {
            queries[i] = "client=c" + (100_000 + i * 37) + "&lang=" + langs[i % langs.length] + "&ref=home%20page";
        }
        com.acme.demo.session.Tracker tracker = new com.acme.demo.session.Tracker();
        com.acme.demo.http.ProfileService profiles = new com.acme.demo.http.ProfileService(
                new com.acme.demo.cache.LruCache<>(1_000));
        tracked = new com.acme.demo.http.Visits(tracker, profiles,
                new com.acme.demo.http.ServiceStats(tracker, profiles, com.acme.demo.Mode.LEAKY));
        com.acme.bench.outside.demo.session.Tracker outsideTracker = new com.acme.bench.outside.demo.session.Tracker();
        com.acme.bench.outside.demo.http.ProfileService outsideProfiles = new com.acme.bench.outside.demo.http.ProfileService(
                new com.acme.bench.outside.demo.cache.LruCache<>(1_000));
        outside = new com.acme.bench.outside.demo.http.Visits(outsideTracker, outsideProfiles,
                new com.acme.bench.outside.demo.http.ServiceStats(outsideTracker, outsideProfiles, com.acme.bench.outside.demo.Mode.LEAKY));
        for (String q : queries) {
            tracked.visit(q);
            outside.visit(q);
        }
    }

    /** Request {@code i} of the stream to the tracked service: the length of its body. */
    int tracked(int i) {
        return tracked.visit(queries[i % CLIENTS]).body().length();
    }

    /** Request {@code i} of the stream to the copy outside: the length of its body. */
    int outside(int i) {
        return outside.visit(queries[i % CLIENTS]).body().length();
    }
}
