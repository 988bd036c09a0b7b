package io.modelregistry.command.download;

import io.modelregistry.api.artifact.ArtifactDownloadRefused;
import io.modelregistry.api.artifact.ArtifactDownloaded;
import io.modelregistry.api.artifact.RecordDownload;
import io.modelregistry.api.artifact.RecordRefusedDownload;
import io.modelregistry.api.download.DownloadLog;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;

/**
 * Downloads recorded by the command side: the read side asks through the {@link DownloadLog} port, a
 * {@link RecordDownload} command is sent, and its handler appends {@link ArtifactDownloaded} as a plain event,
 * without loading or locking the artifact's aggregate, so downloads never contend with writes to it.
 */
@Component
class DownloadRecording implements DownloadLog {

    private final CommandGateway commands;
    private final EventGateway events;
    private final Clock clock;

    DownloadRecording(CommandGateway commands, EventGateway events, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void record(RecordDownload download) {
        commands.sendAndWait(download);
    }

    @Override
    public void refused(RecordRefusedDownload refusal) {
        commands.sendAndWait(refusal);
    }

    @CommandHandler
    void handle(RecordDownload command) {
        events.publish(new ArtifactDownloaded(command.artifactId(), command.type(), command.name(),
                command.packageDigest(), command.bytes(), command.actor(), clock.instant(), command.aspect(),
                command.version(), command.monitor() == null ? null : command.monitor().forRecord()));
    }

    @CommandHandler
    void handle(RecordRefusedDownload command) {
        events.publish(new ArtifactDownloadRefused(command.artifactId(), command.type(), command.name(),
                command.packageDigest(), command.actor(), clock.instant(), command.aspect(), command.version(),
                command.monitor().forRecord()));
    }
}
