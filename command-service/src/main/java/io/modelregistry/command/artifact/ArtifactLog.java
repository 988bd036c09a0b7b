package io.modelregistry.command.artifact;

import io.modelregistry.api.artifact.ArtifactDeleted;
import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactUpdated;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * What the event log says about one artifact: the source of truth a claim is checked against when it looks
 * abandoned. Read only on that rare path (a claim found on a source someone registers).
 */
@Component
class ArtifactLog {

    /** {@code sourceKey} is the duplicate key of the artifact's latest content; null when it has no events. */
    record Standing(boolean registered, boolean deleted, String sourceKey) {

        static final Standing ABSENT = new Standing(false, false, null);
    }

    private final EventStore events;

    ArtifactLog(EventStore events) {
        this.events = events;
    }

    Standing standing(String artifactId) {
        DomainEventStream stream = events.readEvents(artifactId);
        Standing standing = Standing.ABSENT;
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Class<?> type = message.getPayloadType();
            if (ArtifactRegistered.class.equals(type)) {
                ArtifactRegistered registered = (ArtifactRegistered) message.getPayload();
                standing = new Standing(true, false, key(registered.content().source() == null ? null
                        : registered.content().source().duplicateKey(registered.type())));
            } else if (ArtifactUpdated.class.equals(type)) {
                ArtifactUpdated updated = (ArtifactUpdated) message.getPayload();
                standing = new Standing(true, false, key(updated.content().source() == null ? null
                        : updated.content().source().duplicateKey(updated.type())));
            } else if (ArtifactDeleted.class.equals(type)) {
                standing = new Standing(standing.registered(), true, standing.sourceKey());
            }
        }
        return standing;
    }

    private static String key(String duplicateKey) {
        return Optional.ofNullable(duplicateKey).orElse("");
    }
}
