package io.modelregistry.server.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builder for one {@code HealthComponentDetail} of the contract, so each probe reads as a short recipe. */
final class ComponentReport {

    enum Status {
        ok, degraded, critical, unknown;

        Status worst(Status other) {
            return severity(other) > severity(this) ? other : this;
        }

        static int severity(Status status) {
            return switch (status) {
                case ok -> 0;
                case unknown -> 1;
                case degraded -> 2;
                case critical -> 3;
            };
        }
    }

    private final String id;
    private final String displayName;
    private final String description;
    private Status status = Status.ok;
    private Instant lastEventAt;
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private final List<Map<String, Object>> issues = new ArrayList<>();
    private List<Map<String, Object>> timeline;

    ComponentReport(String id, String displayName, String description) {
        this.id = id;
        this.displayName = displayName;
        this.description = description;
    }

    /**
     * Numbers are reported as JSON numbers with a fraction part: the contract's HealthMetricValue is
     * {@code oneOf [integer, number, string, boolean]}, and a whole number would match both of the first two.
     */
    ComponentReport metric(String name, Object value) {
        if (value instanceof Number number) {
            metrics.put(name, number.doubleValue());
        } else if (value != null) {
            metrics.put(name, value);
        }
        return this;
    }

    ComponentReport issue(Status severity, String code, String summary, String details) {
        status = status.worst(severity);
        Map<String, Object> issue = new LinkedHashMap<>();
        issue.put("code", code);
        issue.put("severity", severity == Status.critical ? "error" : severity == Status.degraded ? "warning" : "info");
        issue.put("summary", summary);
        if (details != null) {
            issue.put("details", details);
        }
        issues.add(issue);
        return this;
    }

    ComponentReport lastEventAt(Instant at) {
        this.lastEventAt = at;
        return this;
    }

    ComponentReport timeline(List<Map<String, Object>> entries) {
        this.timeline = entries;
        return this;
    }

    Status status() {
        return status;
    }

    String id() {
        return id;
    }

    Map<String, Object> toDetail(Instant observedAt) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("id", id);
        detail.put("display_name", displayName);
        detail.put("status", status.name());
        detail.put("observed_at", observedAt.toString());
        detail.put("description", description);
        detail.put("metrics", metrics);
        detail.put("issues", issues);
        if (timeline != null) {
            detail.put("timeline", timeline);
        }
        return detail;
    }

    Map<String, Object> toBrief() {
        Map<String, Object> brief = new LinkedHashMap<>();
        brief.put("id", id);
        brief.put("display_name", displayName);
        brief.put("status", status.name());
        brief.put("issue_count", issues.size());
        if (lastEventAt != null) {
            brief.put("last_event_at", lastEventAt.toString());
        }
        return brief;
    }
}
