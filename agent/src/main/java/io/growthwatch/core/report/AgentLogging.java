package io.growthwatch.core.report;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.Logger;

/**
 * The agent's own logback context, configured in code. It is never the application's: it is not
 * reached through {@code LoggerFactory}, so logback's auto-configuration never runs and no
 * {@code logback.xml} of the application is read; the classes themselves are relocated.
 */
public final class AgentLogging {

    /** Every line the agent writes starts with this tag after the time stamp. */
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
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
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
