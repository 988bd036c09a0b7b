package io.modelregistry.command.upload;

import io.modelregistry.api.artifact.Actor;
import io.modelregistry.api.artifact.ArtifactType;
import io.modelregistry.api.group.StagedCommand;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * An upload as a command of a group transaction: the zip is received, checked, stored as blobs and the model rated
 * now, exactly as for a plain upload (so its errors are the same), but nothing is registered until the group is
 * executed. Blobs of a group that is never executed are orphans the blob sweep removes.
 */
@Component
public class UploadStaging {

    private final ArtifactUpload uploads;
    private final UploadSpool spool;

    UploadStaging(ArtifactUpload uploads, UploadSpool spool) {
        this.uploads = uploads;
        this.spool = spool;
    }

    public StagedCommand stage(ArtifactType type, HttpServletRequest request, Actor actor) {
        String name = ArtifactUpload.checkedName(request.getParameter("name"));
        String version = UploadSource.version(request.getParameter("version"));
        uploads.refuseDuplicate(type, name);
        Path zip = UploadController.receive(request, spool);
        try {
            ArtifactUpload.Prepared prepared = uploads.prepare(type, name, version, zip, actor);
            return new StagedCommand(StagedCommand.Kind.UPLOAD, prepared.uploaded().id(), type, name,
                    prepared.sourceKey(), prepared.command(), null, null, null);
        } finally {
            UploadController.delete(zip);
        }
    }
}
