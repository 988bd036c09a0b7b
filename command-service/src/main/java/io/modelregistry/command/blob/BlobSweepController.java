package io.modelregistry.command.blob;

import io.modelregistry.api.error.ErrorMessage;
import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.blob.BlobSweeps.SweepReport;
import io.modelregistry.api.error.RegistryException;
import io.modelregistry.api.error.RegistryException.Kind;
import io.modelregistry.api.rest.Access;
import io.modelregistry.api.rest.RequestActor;
import io.modelregistry.api.rest.Requires;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /blobs/sweep} (extension): an administrator runs the sweep of unreferenced blobs now. */
@RestController
class BlobSweepController {

    private final BlobSweeper sweeper;

    BlobSweepController(BlobSweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Requires(Access.ADMIN)
    @PostMapping(path = "/blobs/sweep", produces = "application/json")
    Map<String, Object> sweep(@RequestAttribute(RequestActor.ATTRIBUTE) Actor actor) {
        if (!actor.admin()) {
            throw ErrorMessage.BLOB_ADMINISTRATOR_MAY_SWEEP_BLOB.exception();
        }
        SweepReport report = sweeper.sweepNow();
        if (!report.ran()) {
            throw ErrorMessage.BLOB_SWEEP_DID_RUN_TRY.exception(report.skipped());
        }
        return body(report);
    }

    static Map<String, Object> body(SweepReport report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deleted_blobs", report.deletedBlobs());
        body.put("deleted_bytes", report.deletedBytes());
        body.put("kept_blobs", report.keptBlobs());
        body.put("kept_bytes", report.keptBytes());
        body.put("started_at", report.startedAt().toString());
        body.put("ended_at", report.endedAt().toString());
        return body;
    }
}
