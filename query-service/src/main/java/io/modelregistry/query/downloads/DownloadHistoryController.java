package io.modelregistry.query.downloads;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.consistency.ReadModelBarrier;
import io.modelregistry.api.download.DownloadHistory;
import io.modelregistry.api.download.DownloadHistoryEntry;
import io.modelregistry.api.artifact.MonitorVerdict;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.api.rest.ArtifactIdentifiers;
import io.modelregistry.api.rest.RequestActor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Extension: {@code GET /downloads/history}, who downloaded what and when, refused downloads included, newest first,
 * per artifact ({@code artifact_id}) and per user ({@code user}), in pages ({@code limit}, and {@code before}: the
 * {@code next} cursor of the previous page), as of an instant ({@code as_of}). An administrator sees everyone's; any
 * other user only their own (asking for someone else's is refused, leaving {@code user} out means their own).
 * Downloads do not wait for the read models, so this read waits for the last download marked before it.
 */
@RestController
class DownloadHistoryController {

    private static final int DEFAULT_LIMIT = 100;

    private final DownloadHistory history;
    private final ReadModelBarrier readModels;

    DownloadHistoryController(DownloadHistory history, ReadModelBarrier readModels) {
        this.history = history;
        this.readModels = readModels;
    }

    @Requires(Access.AUTHENTICATED)
    @GetMapping(path = "/downloads/history", produces = "application/json")
    Map<String, Object> history(@RequestParam(name = "artifact_id", required = false) String artifactParam,
                                @RequestParam(name = "user", required = false) String userParam,
                                @RequestParam(name = "as_of", required = false) String asOfParam,
                                @RequestParam(name = "before", required = false) String beforeParam,
                                @RequestParam(name = "limit", required = false) String limitParam,
                                @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        String artifactId = artifactParam == null ? null : ArtifactIdentifiers.id(artifactParam);
        String user = userParam;
        if (user != null && (user.isEmpty() || user.length() > 1024)) {
            throw ErrorMessage.DOWNLOADS_USER_MUST_USER_NAME.exception();
        }
        if (!actor.admin()) {
            if (user != null && !user.equals(actor.username())) {
                throw ErrorMessage.DOWNLOADS_ADMINISTRATOR_MAY_READ_OTHER.exception();
            }
            user = actor.username();
        }
        Instant asOf = asOf(asOfParam);
        Long before = before(beforeParam);
        int limit = limit(limitParam);
        readModels.awaitMarked();
        DownloadHistory.Page page = history.page(new DownloadHistory.Query(artifactId, user, asOf, before, limit));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", page.entries().stream().map(DownloadHistoryController::entry).toList());
        if (page.next() != null) {
            body.put("next", Long.toString(page.next()));
        }
        if (asOf != null) {
            body.put("as_of", asOf.toString());
        }
        return body;
    }

    private static Map<String, Object> entry(DownloadHistoryEntry e) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("position", e.position());
        entry.put("at", e.at().toString());
        entry.put("user", Map.of("name", e.username(), "is_admin", e.admin()));
        entry.put("artifact", Map.of("id", e.artifactId(), "name", e.name(), "type", e.type().wireName()));
        if (e.version() != null) {
            entry.put("version", e.version());
        }
        entry.put("aspect", e.aspect());
        entry.put("bytes", e.bytes());
        entry.put("allowed", e.allowed());
        entry.put("monitor_ran", e.monitor() != null && ran(e.monitor()));
        if (e.monitor() != null) {
            MonitorVerdict m = e.monitor();
            Map<String, Object> monitor = new LinkedHashMap<>();
            monitor.put("outcome", m.outcome().name().toLowerCase(java.util.Locale.ROOT));
            if (m.exitCode() != null) {
                monitor.put("exit_code", m.exitCode());
            }
            if (m.programSha256() != null) {
                monitor.put("program_sha256", m.programSha256());
            }
            monitor.put("stdout", m.stdout());
            monitor.put("stderr", m.stderr());
            monitor.put("truncated", m.truncated());
            monitor.put("millis", m.millis());
            if (m.reason() != null) {
                monitor.put("reason", m.reason());
            }
            entry.put("monitor", monitor);
        }
        return entry;
    }

    /** A program ran when it was started (allowed, refused or killed); not when there was none or no Node.js. */
    private static boolean ran(MonitorVerdict verdict) {
        return List.of(MonitorVerdict.Outcome.ALLOWED, MonitorVerdict.Outcome.REFUSED,
                MonitorVerdict.Outcome.TIMED_OUT).contains(verdict.outcome());
    }

    private static Instant asOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ErrorMessage.DOWNLOADS_MUST_INSTANT_SUCH_2025.exception();
        }
    }

    private static Long before(String value) {
        if (value == null) {
            return null;
        }
        try {
            long before = Long.parseLong(value);
            if (before < 0) {
                throw new NumberFormatException();
            }
            return before;
        } catch (NumberFormatException e) {
            throw ErrorMessage.DOWNLOADS_BEFORE_MUST_NEXT_CURSOR.exception();
        }
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > DownloadHistory.MAX_LIMIT) {
                throw new NumberFormatException();
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ErrorMessage.DOWNLOADS_LIMIT_MUST_WHOLE_NUMBER.exception(DownloadHistory.MAX_LIMIT);
        }
    }
}
