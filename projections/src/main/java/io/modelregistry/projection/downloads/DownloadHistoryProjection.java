package io.modelregistry.projection.downloads;

import io.modelregistry.api.artifact.ArtifactDownloadRefused;
import io.modelregistry.api.artifact.ArtifactDownloaded;
import io.modelregistry.api.download.DownloadHistoryEntry;
import io.modelregistry.api.download.DownloadHistoryWriter;
import io.modelregistry.api.registry.RegistryReset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

/**
 * The download history: every download and every refused download, keyed by the log position of its event (so a
 * replay writes the same rows again, and the order and paging cursors survive a rebuild). A registry reset is kept
 * as a marker, not a deletion: reads start after the last reset, and a read "as of" an earlier instant shows what
 * a replay of the log up to that instant would.
 */
@Component
@ProcessingGroup("download-history")
class DownloadHistoryProjection {

    private final DownloadHistoryWriter history;

    DownloadHistoryProjection(DownloadHistoryWriter history) {
        this.history = history;
    }

    @EventHandler
    void on(ArtifactDownloaded event, TrackingToken token) {
        history.record(new DownloadHistoryEntry(position(token), event.at(), event.actor().username(),
                event.actor().admin(), event.artifactId(), event.type(), event.name(), event.version(), event.aspect(),
                event.bytes(), true, event.monitor()));
    }

    @EventHandler
    void on(ArtifactDownloadRefused event, TrackingToken token) {
        history.record(new DownloadHistoryEntry(position(token), event.at(), event.actor().username(),
                event.actor().admin(), event.artifactId(), event.type(), event.name(), event.version(), event.aspect(),
                0, false, event.monitor()));
    }

    @EventHandler
    void on(RegistryReset event, TrackingToken token) {
        history.reset(position(token), event.at());
    }

    @ResetHandler
    void onReplay() {
        history.deleteAll();
    }

    /** The event's global position in the log: every storage engine here tracks by it. */
    static long position(TrackingToken token) {
        if (token == null || token.position().isEmpty()) {
            throw new IllegalStateException("the download history is built by a tracking processor over a log "
                    + "with global positions");
        }
        return token.position().getAsLong();
    }
}
