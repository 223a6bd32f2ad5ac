package io.growthwatch.core.report;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgentLineLayoutTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("growthwatch");

    private static final long[] TIMES = {0L, 1_764_700_000_123L, 1_764_700_000_007L, 1_790_000_059_999L};

    private LoggingEvent event(Level level, String message, long time, KeyValuePair... pairs) {
        LoggingEvent event = new LoggingEvent("fqcn", logger, level, message, null, null);
        event.setTimeStamp(time);
        for (KeyValuePair pair : pairs) {
            event.addKeyValuePair(pair);
        }
        return event;
    }

    private String byLogback(LoggingEvent event) {
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(AgentLogging.PATTERN);
        layout.start();
        return layout.doLayout(event);
    }

    private String byAgent(LoggingEvent event) {
        AgentLineLayout layout = new AgentLineLayout(ZoneId.systemDefault());
        layout.setContext(context);
        layout.start();
        return layout.doLayout(event);
    }

    @Test
    void writesWhatLogbacksPatternWritesForAnEventWithKeyValues() {
        for (long time : TIMES) {
            LoggingEvent event = event(Level.WARN, "leak suspected", time, new KeyValuePair("site", "A.b(A.java:3)"),
                    new KeyValuePair("entries", 1200), new KeyValuePair("field", null));
            assertThat(byAgent(event)).isEqualTo(byLogback(event));
        }
    }

    @Test
    void writesWhatLogbacksPatternWritesForAnEventWithoutKeyValues() {
        for (long time : TIMES) {
            LoggingEvent event = event(Level.INFO, "started", time);
            assertThat(byAgent(event)).isEqualTo(byLogback(event));
        }
    }

    @Test
    void padsEveryLevelToFiveCharacters() {
        for (Level level : List.of(Level.ERROR, Level.WARN, Level.INFO, Level.DEBUG, Level.TRACE)) {
            LoggingEvent event = event(level, "m", TIMES[1], new KeyValuePair("k", "v"));
            assertThat(byAgent(event)).isEqualTo(byLogback(event));
        }
    }

    @Test
    void formatsTheMessagesArgumentsAsLogbackDoes() {
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.INFO, "a {} b {}", null, new Object[] {1, "x"});
        event.setTimeStamp(TIMES[2]);
        assertThat(byAgent(event)).isEqualTo(byLogback(event)).contains("a 1 b x");
    }

    @Test
    void writesAThrowablesStackTraceAfterTheLineAsLogbacksPatternDoes() {
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.WARN, "failed", new IllegalStateException("boom",
                new java.io.IOException("cause")), null);
        event.setTimeStamp(TIMES[1]);
        assertThat(byAgent(event)).isEqualTo(byLogback(event)).contains("java.lang.IllegalStateException: boom");
    }
}
