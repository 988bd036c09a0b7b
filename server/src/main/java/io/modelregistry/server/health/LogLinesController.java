package io.modelregistry.server.health;

import io.modelregistry.api.error.ErrorMessage;
import ch.qos.logback.classic.Level;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recent log lines for the dashboard, administrators only (the token filter already refuses a request without a
 * valid token with 403; a valid token of a non-administrator is 401, as the contract answers a missing permission).
 */
@RestController
class LogLinesController {

    static final int MAX_LIMIT = 500;
    static final int MAX_TEXT = 200;
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    private final RecentLogLines logs;

    LogLinesController(RecentLogLines logs) {
        this.logs = logs;
    }

    @Requires(Access.ADMIN)
    @GetMapping(path = "/health/logs", produces = "application/json")
    Map<String, Object> logs(@RequestParam(name = "level", required = false) String levelParam,
                             @RequestParam(name = "q", required = false) String text,
                             @RequestParam(name = "limit", required = false) String limitParam,
                             @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        if (!actor.admin()) {
            throw ErrorMessage.HEALTH_ADMINISTRATOR_MAY_READ_LOG.exception();
        }
        Level level = level(levelParam);
        int limit = limit(limitParam);
        if (text != null && text.length() > MAX_TEXT) {
            throw ErrorMessage.HEALTH_Q_MUST_MOST_CHARACTERS.exception(MAX_TEXT);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", level.toString());
        body.put("capacity", RecentLogLines.CAPACITY);
        body.put("lines", logs.newest(level, Optional.ofNullable(text).filter(t -> !t.isBlank()), limit).stream()
                .map(line -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("at", line.at().toString());
                    row.put("level", line.level());
                    row.put("logger", line.logger());
                    row.put("thread", line.thread());
                    row.put("message", line.message());
                    return row;
                }).toList());
        return body;
    }

    private static Level level(String value) {
        if (value == null || value.isBlank()) {
            return Level.INFO;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(upper)) {
            throw ErrorMessage.HEALTH_LEVEL_MUST_TRACE_DEBUG.exception();
        }
        return Level.toLevel(upper);
    }

    private static int limit(String value) {
        if (value == null || value.isBlank()) {
            return 100;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw ErrorMessage.HEALTH_LIMIT_MUST_INTEGER_1.exception(MAX_LIMIT);
    }
}
