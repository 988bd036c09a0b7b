package io.modelregistry.server.workload;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import io.modelregistry.workload.WorkloadParameters;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's performance workload, administrators only: start a run with bounded parameters (small defaults,
 * so the button is cheap) and read the current run's progress and, once it ended, its result.
 */
@RestController
class WorkloadController {

    /** Bounds of what a caller may ask for; the command line and the benchmark allow more. */
    static final int MAX_MODELS = 500;
    static final int MAX_CLIENTS = 100;
    static final int MAX_DOWNLOADS = 20;
    static final int MIN_SECONDS = 10;
    static final int MAX_SECONDS = 1800;
    private static final Set<String> FIELDS = Set.of("models", "clients", "downloads_per_client",
            "max_duration_seconds");

    private final WorkloadRuns runs;

    WorkloadController(WorkloadRuns runs) {
        this.runs = runs;
    }

    @Requires(Access.ADMIN)
    @PostMapping(path = "/workload/runs", produces = "application/json")
    ResponseEntity<Map<String, Object>> start(@RequestBody(required = false) Map<String, Object> body,
                                              @RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        requireAdmin(actor);
        Map<String, Object> request = body == null ? Map.of() : body;
        for (String field : request.keySet()) {
            if (!FIELDS.contains(field)) {
                throw ErrorMessage.WORKLOAD_UNKNOWN_FIELD_FIELDS.exception(field, FIELDS);
            }
        }
        int models = bounded(request, "models", 10, 0, MAX_MODELS);
        int clients = bounded(request, "clients", 4, 1, MAX_CLIENTS);
        int downloads = bounded(request, "downloads_per_client", 2, 1, MAX_DOWNLOADS);
        int seconds = bounded(request, "max_duration_seconds", 300, MIN_SECONDS, MAX_SECONDS);
        WorkloadParameters defaults = WorkloadParameters.defaults();
        WorkloadParameters parameters = new WorkloadParameters(models, defaults.seedThreads(),
                defaults.minModelBytes(), defaults.maxModelBytes(), clients, downloads, 1, Duration.ofSeconds(seconds),
                defaults.sourceUrl(), false, defaults.seed(), defaults.file());
        WorkloadRuns.Run run = runs.start(parameters, actor.username());
        return ResponseEntity.status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON).body(view(run));
    }

    @Requires(Access.ADMIN)
    @GetMapping(path = "/workload/runs/current", produces = "application/json")
    Map<String, Object> current(@RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        requireAdmin(actor);
        WorkloadRuns.Run run = runs.current();
        if (run == null) {
            Map<String, Object> idle = new LinkedHashMap<>();
            idle.put("state", "idle");
            return idle;
        }
        return view(run);
    }

    private static Map<String, Object> view(WorkloadRuns.Run run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", run.id());
        json.put("state", run.result() == null ? "running" : String.valueOf(run.result().get("state")));
        json.put("started_by", run.startedBy());
        json.put("started_at", run.startedAt());
        json.put("progress", run.workload().progress().toJson());
        if (run.result() != null) {
            json.put("result", run.result());
        }
        return json;
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.admin()) {
            throw ErrorMessage.WORKLOAD_ADMINISTRATOR_MAY_RUN_WORKLOAD.exception();
        }
    }

    private static int bounded(Map<String, Object> request, String field, int fallback, int min, int max) {
        Object value = request.get(field);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Integer number && number >= min && number <= max) {
            return number;
        }
        throw ErrorMessage.WORKLOAD_MUST_INTEGER.exception(field, min, max);
    }
}
