package io.modelregistry.server.health;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.Requires;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Liveness ({@code /health}) and per-component diagnostics ({@code /health/components}) for operators. */
@RestController
class HealthController {

    private final ComponentProbes probes;
    private final RequestActivity activity;
    private final Clock clock;

    HealthController(ComponentProbes probes, RequestActivity activity, Clock clock) {
        this.probes = probes;
        this.activity = activity;
        this.clock = clock;
    }

    /** A cheap heartbeat: 200 whenever the API is reachable, with a short summary of the last hour. */
    @Requires(Access.PUBLIC)
    @GetMapping(path = "/health", produces = "application/json")
    Map<String, Object> health() {
        var summary = activity.summarize(60);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("checked_at", clock.instant().toString());
        body.put("window_minutes", 60);
        body.put("uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        body.put("version", getClass().getPackage().getImplementationVersion() == null ? "dev"
                : getClass().getPackage().getImplementationVersion());
        body.put("request_summary", Map.of("window_start", summary.windowStart().toString(),
                "window_end", summary.windowEnd().toString(), "total_requests", summary.total()));
        return body;
    }

    @Requires(Access.PUBLIC)
    @GetMapping(path = "/health/components", produces = "application/json")
    Map<String, Object> components(@RequestParam(name = "windowMinutes", required = false) String windowParam,
                                   @RequestParam(name = "includeTimeline", required = false) String timelineParam) {
        int window = parseWindow(windowParam);
        boolean timeline = parseBoolean(timelineParam);
        var now = clock.instant();
        List<ComponentReport> reports = probes.probeAll(window, timeline);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("components", reports.stream()
                .sorted(Comparator.comparingInt((ComponentReport r) -> -ComponentReport.Status.severity(r.status())))
                .map(r -> r.toDetail(now)).toList());
        body.put("generated_at", now.toString());
        body.put("window_minutes", window);
        return body;
    }

    /**
     * The dashboard's charts: one row per minute of the window (5 to 1,440, default 60), oldest first, with
     * requests, 4xx and 5xx answers, latency percentiles (milliseconds; null for minutes without requests or
     * older than two hours) and the successful ingests, uploads and downloads of that minute.
     */
    @Requires(Access.PUBLIC)
    @GetMapping(path = "/health/activity", produces = "application/json")
    Map<String, Object> activity(@RequestParam(name = "windowMinutes", required = false) String windowParam) {
        int window = parseWindow(windowParam);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generated_at", clock.instant().toString());
        body.put("window_minutes", window);
        body.put("latency_horizon_minutes", RequestActivity.LATENCY_MINUTES);
        body.put("minutes", activity.activity(window).stream().map(m -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("minute", m.minute().toString());
            row.put("requests", m.requests());
            row.put("client_errors", m.clientErrors());
            row.put("server_errors", m.serverErrors());
            row.put("p50_ms", m.p50Millis());
            row.put("p95_ms", m.p95Millis());
            row.put("p99_ms", m.p99Millis());
            row.put("ingests", m.ingests());
            row.put("uploads", m.uploads());
            row.put("downloads", m.downloads());
            return row;
        }).toList());
        return body;
    }

    private static int parseWindow(String value) {
        if (value == null || value.isBlank()) {
            return 60;
        }
        try {
            int minutes = Integer.parseInt(value.trim());
            if (minutes >= 5 && minutes <= RequestActivity.MAX_MINUTES) {
                return minutes;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw ErrorMessage.HEALTH_WINDOWMINUTES_MUST_INTEGER_5.exception();
    }

    private static boolean parseBoolean(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw ErrorMessage.HEALTH_INCLUDETIMELINE_MUST_TRUE_FALSE.exception();
    }
}
