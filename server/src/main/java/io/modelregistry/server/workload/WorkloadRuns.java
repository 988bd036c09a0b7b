package io.modelregistry.server.workload;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.command.auth.AuthenticationService;
import io.modelregistry.workload.RegistryApi;
import io.modelregistry.workload.ServerProbe;
import io.modelregistry.workload.Workload;
import io.modelregistry.workload.WorkloadParameters;
import jakarta.annotation.PreDestroy;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The workload runs the dashboard starts: at most one at a time per node (a second start while one runs is a
 * conflict), on its own thread, talking to this node over loopback through the public REST API with a token issued
 * to the administrator who started it. The last run's result stays readable until the next run starts.
 */
@Component
class WorkloadRuns {

    private static final Logger log = LoggerFactory.getLogger(WorkloadRuns.class);

    /** A run as the dashboard sees it; {@code result} is null while it runs. */
    record Run(String id, String startedBy, String startedAt, Workload workload, Map<String, Object> result) {
    }

    private final AuthenticationService auth;
    private final Environment environment;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "workload-run");
        thread.setDaemon(true);
        return thread;
    });
    private Run current;

    WorkloadRuns(AuthenticationService auth, Environment environment, Clock clock) {
        this.auth = auth;
        this.environment = environment;
        this.clock = clock;
    }

    synchronized Run start(WorkloadParameters parameters, String username) {
        if (current != null && current.result() == null) {
            throw ErrorMessage.WORKLOAD_WORKLOAD_RUN_ALREADY_PROGRESS.exception(current.id(), current.startedBy(), current.startedAt());
        }
        String baseUrl = "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port")
                + environment.getProperty("server.servlet.context-path", "");
        HttpClient http = Workload.httpClient(Math.min(16, parameters.clients()));
        // The token is issued now, while the request that starts the run is authenticated; later ones on the way.
        AtomicReference<String> first = new AtomicReference<>(auth.issueFor(username));
        RegistryApi api = new RegistryApi(http, baseUrl, () -> {
            String issued = first.getAndSet(null);
            return issued != null ? issued : auth.issueFor(username);
        });
        Workload workload = new Workload(parameters, api, http, ServerProbe.thisJvm());
        Run run = new Run(UUID.randomUUID().toString(), username, clock.instant().toString(), workload, null);
        current = run;
        runner.execute(() -> finish(run, execute(run)));
        log.info("Workload run {} started by {}: {} models, {} clients, {} downloads each", run.id(), username,
                parameters.models(), parameters.clients(), parameters.downloadsPerClient());
        return run;
    }

    private static Map<String, Object> execute(Run run) {
        try {
            return run.workload().run();
        } catch (RuntimeException e) {
            Map<String, Object> failed = new LinkedHashMap<>();
            failed.put("state", "failed");
            failed.put("errors", 1);
            failed.put("problems", java.util.List.of(String.valueOf(e.getMessage())));
            return failed;
        }
    }

    private synchronized void finish(Run run, Map<String, Object> result) {
        if (current != null && current.id().equals(run.id())) {
            current = new Run(run.id(), run.startedBy(), run.startedAt(), run.workload(), result);
        }
        log.info("Workload run {} ended: {}, {} errors", run.id(), result.get("state"), result.get("errors"));
    }

    synchronized Run current() {
        return current;
    }

    @PreDestroy
    void stop() {
        Run run = current();
        if (run != null && run.result() == null) {
            run.workload().cancel();
        }
        runner.shutdownNow();
    }
}
