package io.modelregistry.server.evolution;

import io.modelregistry.api.artifact.ArtifactRegistered;
import io.modelregistry.api.artifact.ArtifactUpdated;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * How stored events of older revisions are read: the revision resolver that writes each event's revision, and the
 * upcaster chain (Axon builds one chain from every {@link EventUpcaster} bean, in {@link Order}, and every read of
 * the log, by aggregates and by processors, goes through it). Add a step here for each new revision; never change
 * a step once released (docs/decisions/0034-event-evolution.md).
 */
@Configuration(proxyBeanMethods = false)
class EventEvolutionConfiguration {

    @Bean
    RevisionResolver eventRevisions() {
        return new EventRevisions();
    }

    @Bean
    @Order(10)
    EventUpcaster artifactRegisteredDocumentsByDigest() {
        return new InlineDocumentsToDigests(ArtifactRegistered.class);
    }

    @Bean
    @Order(11)
    EventUpcaster artifactUpdatedDocumentsByDigest() {
        return new InlineDocumentsToDigests(ArtifactUpdated.class);
    }

    @Bean
    @Order(20)
    EventUpcaster userRegisteredWithoutPasswordHash() {
        return new DropPasswordHash();
    }
}
