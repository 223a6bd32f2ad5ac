package com.acme.demo.load;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** Guards the load generator so it only ever talks to this machine over loopback. */
public final class LoopbackUrls {

    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private LoopbackUrls() {
    }

    /**
     * Parses {@code url} and returns it as a URI if it is {@code http://} to 127.0.0.1, localhost or
     * [::1] with an explicit port; otherwise throws IllegalArgumentException.
     */
    public static URI require(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a valid URL: " + url, e);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("only http:// URLs are allowed: " + url);
        }
        String host = uri.getHost();
        if (host == null || !LOOPBACK_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(
                    "refusing non-loopback URL " + url + " (host must be 127.0.0.1, localhost or [::1])");
        }
        if (uri.getPort() <= 0) {
            throw new IllegalArgumentException("URL needs an explicit port: " + url);
        }
        return uri;
    }
}
