package io.modelregistry.server.health;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The last log lines of this process, for the operators' dashboard: a Logback appender on the root logger that keeps
 * a bounded ring ({@value #CAPACITY} lines, each message cut at {@value #MAX_MESSAGE} characters, a throwable as its
 * class and message only, never a stack trace). What it holds is what the log holds, and the log never holds a
 * secret (tokens and passwords are never logged); it is still served to administrators only.
 */
@Component
public class RecentLogLines {

    static final int CAPACITY = 1000;
    static final int MAX_MESSAGE = 2000;

    private final Deque<LogLine> lines = new ArrayDeque<>(CAPACITY);
    private final Appender appender = new Appender();

    RecentLogLines() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        // Under another logging backend (never in this server) the dashboard simply has no log lines.
        if (factory instanceof LoggerContext context) {
            appender.setContext(context);
            appender.setName("recent-log-lines");
            appender.start();
            context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        }
    }

    @PreDestroy
    void detach() {
        if (appender.getContext() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        }
        appender.stop();
    }

    public record LogLine(Instant at, String level, String logger, String thread, String message) {
    }

    /**
     * The newest lines first, at most {@code limit}: those at {@code minimum} level or above, whose message or logger
     * contains {@code text} (case-insensitively) when one is given.
     */
    public List<LogLine> newest(Level minimum, Optional<String> text, int limit) {
        String needle = text.map(t -> t.toLowerCase(Locale.ROOT)).orElse(null);
        List<LogLine> snapshot;
        synchronized (lines) {
            snapshot = new ArrayList<>(lines);
        }
        List<LogLine> result = new ArrayList<>();
        for (int i = snapshot.size() - 1; i >= 0 && result.size() < limit; i--) {
            LogLine line = snapshot.get(i);
            if (!Level.toLevel(line.level()).isGreaterOrEqual(minimum)) {
                continue;
            }
            if (needle != null && !line.message().toLowerCase(Locale.ROOT).contains(needle)
                    && !line.logger().toLowerCase(Locale.ROOT).contains(needle)) {
                continue;
            }
            result.add(line);
        }
        return result;
    }

    void append(LogLine line) {
        synchronized (lines) {
            if (lines.size() == CAPACITY) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    private final class Appender extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            String message = event.getFormattedMessage();
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                message = message + " (" + thrown.getClassName() + ": " + thrown.getMessage() + ")";
            }
            if (message != null && message.length() > MAX_MESSAGE) {
                message = message.substring(0, MAX_MESSAGE) + "…";
            }
            RecentLogLines.this.append(new LogLine(Instant.ofEpochMilli(event.getTimeStamp()),
                    event.getLevel().toString(), event.getLoggerName(), event.getThreadName(),
                    message == null ? "" : message));
        }
    }
}
