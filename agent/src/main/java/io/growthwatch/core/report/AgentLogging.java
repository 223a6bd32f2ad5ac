package io.growthwatch.core.report;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.Logger;

import java.time.ZoneId;

/**
 * The agent's own logback context, configured in code. It is never the application's: it is not
 * reached through {@code LoggerFactory}, so logback's auto-configuration never runs and no
 * {@code logback.xml} of the application is read; the classes themselves are relocated. Lines are
 * written by {@link AgentLineLayout}, the pattern {@link #PATTERN} without logback's pattern parser.
 */
public final class AgentLogging {

    /** The agent's line in logback's pattern language; every line starts with the tag after the time stamp. */
    public static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} [growthwatch] %-5level %msg %kvp%n";

    private final LoggerContext context;

    private AgentLogging(LoggerContext context) {
        this.context = context;
    }

    /** A context writing to standard error at INFO and above. */
    public static AgentLogging toStandardError() {
        LoggerContext context = new LoggerContext();
        context.setName("growthwatch");
        context.setMDCAdapter(new LogbackMDCAdapter()); // normally set by logback's SLF4J provider, which is not used here
        AgentLineLayout layout = new AgentLineLayout(ZoneId.systemDefault());
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("growthwatch-stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        context.start();
        return new AgentLogging(context);
    }

    /** The agent's logger called {@code name}. */
    public Logger logger(String name) {
        return context.getLogger(name);
    }

    /** Flushes and stops the context. */
    public void stop() {
        context.stop();
    }
}
