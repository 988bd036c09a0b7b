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
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Downloads recorded by the command side: the read side asks through the {@link DownloadLog} port, a
 * {@link RecordDownload} command is sent, and its handler appends {@link ArtifactDownloaded} as a plain event,
 * without loading or locking the artifact's aggregate, so downloads never contend with writes to it. Its answer is the
 * log's head as read inside the append's transaction ({@link AppendedAt}): the download costs one commit.
 */
@Component
class DownloadRecording implements DownloadLog {

    private final CommandGateway commands;
    private final EventGateway events;
    private final EventStore log;
    private final Clock clock;

    DownloadRecording(CommandGateway commands, EventGateway events, EventStore log, Clock clock) {
        this.commands = commands;
        this.events = events;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public long record(RecordDownload download) {
        return positionOf(commands.sendAndWait(download));
    }

    @Override
    public long refused(RecordRefusedDownload refusal) {
        return positionOf(commands.sendAndWait(refusal));
    }

    private static long positionOf(Object answer) {
        return answer instanceof AppendedAt at ? at.position() : -1;
    }

    @CommandHandler
    AppendedAt handle(RecordDownload command) {
        events.publish(new ArtifactDownloaded(command.artifactId(), command.type(), command.name(),
                command.packageDigest(), command.bytes(), command.actor(), clock.instant(), command.aspect(),
                command.version(), command.monitor() == null ? null : command.monitor().forRecord()));
        return AppendedAt.afterPublishing(log);
    }

    @CommandHandler
    AppendedAt handle(RecordRefusedDownload command) {
        events.publish(new ArtifactDownloadRefused(command.artifactId(), command.type(), command.name(),
                command.packageDigest(), command.actor(), clock.instant(), command.aspect(), command.version(),
                command.monitor().forRecord()));
        return AppendedAt.afterPublishing(log);
    }
}
