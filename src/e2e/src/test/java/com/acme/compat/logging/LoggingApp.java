package com.acme.compat.logging;

import com.acme.scenarios.Pace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;

/**
 * An application that logs through SLF4J into logback configured by its own {@code logback.xml}, and
 * leaks: every visitor id ever seen is kept. Uses only API that SLF4J 1.7 and 2.x share, so the same
 * class runs with either on the class path. Its log lines do not depend on timing, so that runs of
 * different lengths print the same lines.
 *
 * <p>Arguments: seconds to leak for.
 */
public final class LoggingApp {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingApp.class);
    private static final Logger NOISY = LoggerFactory.getLogger("com.acme.compat.logging.noisy");

    private final Map<String, Long> visitors = new HashMap<>();

    void visit(String id) {
        visitors.putIfAbsent(id, System.nanoTime());
    }

    public static void main(String[] args) {
        double seconds = Double.parseDouble(args[0]);
        System.out.println("logging-check factory=" + LoggerFactory.getILoggerFactory().getClass().getName()
                + " config=" + mainConfigurationUrl());
        MDC.put("request", "startup");
        LOG.info("service starting with {} workers", 4);
        LOG.debug("debug is on for com.acme in the application's configuration");
        NOISY.info("the application's configuration keeps this logger at WARN: this line must not appear");
        NOISY.warn("noisy logger warning {} of {}", 1, 1);
        MDC.remove("request");
        LOG.error("simulated failure while warming up", new IllegalStateException("warm-up failed"));

        LoggingApp app = new LoggingApp();
        LOG.info("leaking visitor ids");
        Pace.run(seconds, 2000, i -> app.visit("visitor-" + i));
        LOG.info("service stopping");
        System.out.println("logging-app done");
    }

    /** The configuration file logback read, found by reflection so that the class runs with any logback. */
    private static String mainConfigurationUrl() {
        try {
            Class<?> util = Class.forName("ch.qos.logback.core.joran.util.ConfigurationWatchListUtil");
            Class<?> context = Class.forName("ch.qos.logback.core.Context");
            Object url = util.getMethod("getMainWatchURL", context).invoke(null, LoggerFactory.getILoggerFactory());
            return url == null ? "none" : ((URL) url).toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }
}
