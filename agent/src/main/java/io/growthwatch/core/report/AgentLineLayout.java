package io.growthwatch.core.report;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import org.slf4j.event.KeyValuePair;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * The agent's log line, {@value AgentLogging#PATTERN} in logback's pattern language, written
 * directly: logback's {@code PatternLayout} links some sixty converters and parses the pattern when
 * it starts, a tenth of a CPU second and a megabyte or two on the application's start-up.
 */
final class AgentLineLayout extends LayoutBase<ILoggingEvent> {

    private static final String TAG = " [growthwatch] ";
    private static final int LEVEL_WIDTH = 5;

    private final ZoneId zone;

    /** Time stamps in {@code zone}, as logback's {@code %d} writes them in the default zone. */
    AgentLineLayout(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        appendTime(line, event.getTimeStamp());
        line.append(TAG);
        String level = event.getLevel().toString();
        line.append(level);
        for (int i = level.length(); i < LEVEL_WIDTH; i++) {
            line.append(' ');
        }
        line.append(' ').append(event.getFormattedMessage()).append(' ');
        appendKeyValues(line, event.getKeyValuePairs());
        line.append(System.lineSeparator());
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) { // what logback's pattern appends when it names no throwable converter
            line.append(ThrowableProxyUtil.asString(thrown)); // ends with a line separator
        }
        return line.toString();
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS} */
    private void appendTime(StringBuilder line, long epochMillis) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), zone);
        line.append(t.getYear()).append('-');
        appendPadded(line, t.getMonthValue(), 2).append('-');
        appendPadded(line, t.getDayOfMonth(), 2).append(' ');
        appendPadded(line, t.getHour(), 2).append(':');
        appendPadded(line, t.getMinute(), 2).append(':');
        appendPadded(line, t.getSecond(), 2).append('.');
        appendPadded(line, t.getNano() / 1_000_000, 3);
    }

    private static StringBuilder appendPadded(StringBuilder line, int value, int width) {
        for (int limit = 10, digits = 1; digits < width; limit *= 10, digits++) {
            if (value < limit) {
                line.append('0');
            }
        }
        return line.append(value);
    }

    /** logback's {@code %kvp}: {@code key="value"} pairs separated by one space. */
    private static void appendKeyValues(StringBuilder line, List<KeyValuePair> pairs) {
        if (pairs == null) {
            return;
        }
        for (int i = 0; i < pairs.size(); i++) {
            KeyValuePair pair = pairs.get(i);
            if (i > 0) {
                line.append(' ');
            }
            line.append(pair.key).append("=\"").append(pair.value).append('"');
        }
    }
}
